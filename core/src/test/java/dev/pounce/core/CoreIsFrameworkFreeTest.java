package dev.pounce.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps {@code core} a plain-Java domain: no framework, persistence or protocol types. */
class CoreIsFrameworkFreeTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.pounce.core");

  @Test
  void coreImportsNoFramework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "javax.persistence..",
            "io.grpc..",
            "com.google.protobuf..",
            "io.vertx..",
            "org.hibernate..",
            "com.fasterxml..",
            "dev.pounce.proto..",
            "dev.pounce.controller..",
            "dev.pounce.slurm..")
        .because("core is the framework-free domain (STYLE.md, convention 1)")
        .check(CORE);
  }

  @Test
  void onlyTheTransitionTableBuildsTransitions() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.pounce.core.job.JobTransitions")
        .and()
        .doNotHaveFullyQualifiedName("dev.pounce.core.job.Transition")
        .should()
        .callConstructor(
            dev.pounce.core.job.Transition.class,
            dev.pounce.core.job.JobState.class,
            dev.pounce.core.job.JobTrigger.class,
            dev.pounce.core.job.JobState.class,
            String.class)
        .check(CORE);
  }
}
