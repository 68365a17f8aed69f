package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.ComponentConfig;
import org.junit.jupiter.api.Test;

class AzlProjectTest {

  @Test
  void smoke() {
    try {
      Project p = ProjectLoader.load(LoadOptions.of(SharedData.azlProject()));
      System.out.println(p.componentNames().size());
      for (String n : p.componentNames()) {
        p.resolve(n);
      }
      ComponentConfig bash = p.resolve("bash");
      System.out.println(bash);
      System.out.println(p.upstreamOf(bash));
      System.out.println(p.warnings());
    } catch (ConfigException e) {
      System.out.println(e.getMessage());
      throw e;
    }
  }
}
