package dev.conduit.lsp;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project model: the pom's settings, a class path from settings or Maven, and bad poms. */
class ProjectTest {
  @TempDir Path dir;

  private Path project(String pom) throws Exception {
    Path shop = Files.createDirectories(dir.resolve("src/main/java/shop"));
    Path samples = TestClient.samples().resolve("shop");
    for (String f : List.of("Lost.java", "Holder.java", "Prices.java")) {
      Files.copy(samples.resolve(f), shop.resolve(f));
    }
    Files.writeString(dir.resolve("pom.xml"), pom);
    return shop;
  }

  private static String pom(String body) {
    return """
    <project xmlns="http://maven.apache.org/POM/4.0.0">
      <modelVersion>4.0.0</modelVersion>
      <groupId>example</groupId>
      <artifactId>shop</artifactId>
      <version>1</version>
    %s
    </project>
    """
        .formatted(body);
  }

  private static JsonObject classpathSetting() {
    JsonObject o = new JsonObject();
    o.addProperty("classpath", Workspace.runtimeClasspath());
    return o;
  }

  @Test
  void thePomsErrorProneLevelsApply() throws Exception {
    Path shop =
        project(
            pom(
                """
                  <build><plugins><plugin>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <configuration><compilerArgs>
                      <arg>-XDcompilePolicy=simple</arg>
                      <arg>-Xplugin:ErrorProne -Xep:LostCancel:WARN -Xep:ContextInField:OFF -Xep:DeadException:OFF</arg>
                    </compilerArgs></configuration>
                  </plugin></plugins></build>
                """));
    try (TestClient client = new TestClient(classpathSetting())) {
      String lost = client.open(shop.resolve("Lost.java"));
      Diagnostic d = client.await(lost, ds -> !ds.isEmpty()).get(0);
      assertThat(d.getCode().getLeft()).isEqualTo("LostCancel");
      assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
      String holder = client.open(shop.resolve("Holder.java"));
      client.await(holder, List::isEmpty);
      assertThat(client.messages).isEmpty();
    }
  }

  @Test
  void aPomThatDoesNotParseIsExplainedAndTheFileStillChecked() throws Exception {
    Path shop = project("<project><modelVersion>4.0.0</modelVersion>");
    try (TestClient client = new TestClient(null)) {
      String lost = client.open(shop.resolve("Lost.java"));
      client.await(lost, ds -> TestClient.codes(ds).equals("LostCancel@12"));
      client.awaitMessage("pom.xml does not parse (line");
      assertThat(client.messages).hasSize(1);
    }
  }

  @Test
  void withoutMavenTheServerSaysSoAndUsesConduitsRuntime() throws Exception {
    Path shop = project(pom(""));
    System.setProperty("conduit.lsp.mvn", dir.resolve("no-such-mvn").toString());
    try (TestClient client = new TestClient(null)) {
      String lost = client.open(shop.resolve("Lost.java"));
      client.await(lost, ds -> TestClient.codes(ds).equals("LostCancel@12"));
      client.awaitMessage("could not be started");
    } finally {
      System.clearProperty("conduit.lsp.mvn");
    }
  }

  @Test
  void aClassPathFromTheEditorsSettingsReplacesTheProjects() throws Exception {
    Path shop = project(pom(""));
    try (TestClient client = new TestClient(classpathSetting())) {
      String lost = client.open(shop.resolve("Lost.java"));
      client.await(lost, ds -> TestClient.codes(ds).equals("LostCancel@12"));
      JsonObject conduit = new JsonObject();
      conduit.addProperty("classpath", dir.resolve("nothing.jar").toString());
      JsonObject settings = new JsonObject();
      settings.add("conduit", conduit);
      client
          .remote
          .getWorkspaceService()
          .didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(settings));
      client.awaitMessage(
          "Lost.java are not on the class path (line 3: package dev.conduit does not exist)");
    }
  }

  /**
   * One real Maven run: the class path comes from the pom (which lacks Conduit's runtime, so the
   * server says classes are missing) and is cached by the pom's content.
   */
  @Test
  void mavenGivesTheClassPathOnceAndItIsCached() throws Exception {
    Path shop =
        project(
            pom(
                """
                  <dependencies><dependency>
                    <groupId>org.jspecify</groupId><artifactId>jspecify</artifactId><version>1.0.1</version>
                  </dependency></dependencies>
                """));
    Path cache = Path.of(System.getProperty("conduit.lsp.cacheDir"));
    Path cached = cache.resolve("classpath-" + Maven.hash(dir.resolve("pom.xml")) + ".txt");
    try (TestClient client = new TestClient(null)) {
      String prices = client.open(shop.resolve("Prices.java"));
      client.awaitMessage(
          "Prices.java are not on the class path (line 3: package dev.conduit does not exist)");
      assertThat(client.messages).hasSize(1);
    }
    assertThat(Files.readString(cached)).contains("jspecify-1.0.1.jar");
    assertThat(Files.readString(cached)).doesNotContain("conduit-runtime");
  }
}
