package ru.nastavnik.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A school's group names its school; no other group does, however it is spelt. */
class GroupsTest {

    @Test
    void onlyASchoolsGroupOfASchoolRoleNamesItsSchool() {
        assertThat(Groups.schoolOf(Groups.atSchool(Groups.DEPUTY_DIRECTOR, 12))).contains(12L);
        assertThat(Groups.schoolOf("curator.s7")).contains(7L);
        for (String other : new String[] {Groups.CURATOR, Groups.ADMIN, "mentor.s12", "curator.s", "curator.sx",
                "curator.s+12", "curator.s-1", "curator.s12.s", "curator.s99999999999999999999"}) {
            assertThat(Groups.schoolOf(other)).as(other).isEmpty();
        }
    }
}
