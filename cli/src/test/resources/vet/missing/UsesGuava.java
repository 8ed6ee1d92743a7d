import com.google.common.collect.ImmutableList;

class UsesGuava {
  ImmutableList<String> names = ImmutableList.of("a");
}
