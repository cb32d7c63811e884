package dev.pounce.controller.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Asks this machine's real user database (every Linux host has root, uid 0). */
class SystemUsersTest {

  private final SystemUsers users = new SystemUsers();

  @Test
  void namesAndUidsOfExistingUsers() {
    assertThat(users.uidOf("root")).isEqualTo(OptionalInt.of(0));
    assertThat(users.uidOf("0")).isEqualTo(OptionalInt.of(0));
    assertThat(users.uidOf("root")).isEqualTo(OptionalInt.of(0)); // from the kept answer
  }

  @Test
  void unknownUsersAndUids() {
    assertThat(users.uidOf("nosuchuser_x")).isEmpty();
    assertThat(users.uidOf("2147483000")).isEmpty();
  }

  @Test
  void namesNoUserCanHaveAreNotLookedUp() {
    assertThat(users.uidOf("")).isEmpty();
    assertThat(users.uidOf("-s")).isEmpty();
    assertThat(users.uidOf("root,alice")).isEmpty();
    assertThat(users.uidOf("root alice")).isEmpty();
  }
}
