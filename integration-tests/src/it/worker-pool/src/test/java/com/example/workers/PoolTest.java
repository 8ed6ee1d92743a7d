package com.example.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolTest {
  @Test
  void everyJobIsDoneOnce() {
    List<Integer> results = Pool.squares(1000, 8);
    assertEquals(
        IntStream.rangeClosed(1, 1000).map(i -> i * i).sum(),
        results.stream().mapToInt(Integer::intValue).sum());
    assertEquals(1000, results.size());
    assertEquals(1000, results.stream().distinct().count());
  }
}
