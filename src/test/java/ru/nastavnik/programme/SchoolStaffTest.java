package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.WebappSession;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.security.AccessSetup;
import ru.nastavnik.security.Groups;

/**
 * Two schools on one installation, tried from the other school's side: a school's tasks are offered to, listed
 * for, claimable and completable by, and escalated to its own staff only, through Tasklist's own REST calls.
 */
class SchoolStaffTest extends IntegrationTest {

    @Autowired
    ProgrammeService programmes;
    @Autowired
    RoadmapService roadmap;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;
    @Autowired
    ManagementService managementService;

    private Programme schoolA;
    private Programme schoolB;

    @BeforeEach
    void twoSchools() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        for (String school : List.of("a", "b")) {
            ensureUser("curator-" + school, Groups.CURATOR);
            ensureUser("deputy-" + school, Groups.DEPUTY_DIRECTOR);
            ensureUser("director-" + school, Groups.DIRECTOR);
        }
        schoolA = start("a");
        schoolB = start("b");
    }

    private Programme start(String school) {
        ProgrammeRequest base = programmeRequest();
        loginAs("curator-" + school);
        try {
            // Item 1.4 given to the curator: a curator's own late task is escalated to the school's director.
            return programmes.start(new ProgrammeRequest(base.schoolName(), base.schoolYear(), base.forms(),
                    "curator-" + school, List.of(new ProgrammeRequest.RoadmapOverride("1.4", null, Groups.CURATOR,
                    null, null))).withSchoolHeads("deputy-" + school, "director-" + school));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void aSchoolsTasksGoToItsOwnGroupsWhichItsPeopleJoined() {
        assertThat(schoolA.schoolId()).isNotEqualTo(schoolB.schoolId());
        String deputiesOfB = SchoolStaff.group(schoolB, Groups.DEPUTY_DIRECTOR);
        assertThat(itemTask(schoolB, "1.1").getId()).isIn(taskService.createTaskQuery().taskCandidateGroup(deputiesOfB)
                .list().stream().map(Task::getId).toList());
        assertThat(taskService.createTaskQuery().taskCandidateGroup(Groups.DEPUTY_DIRECTOR)
                .taskId(itemTask(schoolB, "1.1").getId()).count()).as("not the region's deputy directors").isZero();
        assertThat(members(deputiesOfB)).containsExactly("deputy-b");
        assertThat(members(SchoolStaff.group(schoolB, Groups.CURATOR))).containsExactly("curator-b");
        assertThat(engine.getIdentityService().createGroupQuery().groupId(deputiesOfB).singleResult().getName())
                .isEqualTo("Заместитель директора — " + schoolB.schoolName());
    }

    @Test
    void anotherSchoolsDeputyNeitherListsNorClaimsNorCompletesTheTask() throws Exception {
        Task ofB = itemTask(schoolB, "1.1");
        RestClient deputyA = RestClient.as(port, "deputy-a", PASSWORD);

        List<String> groupTasksOfA = filterList(deputyA, AccessSetup.FILTER_GROUP_TASKS);
        assertThat(groupTasksOfA).contains(itemTask(schoolA, "1.1").getId()).doesNotContain(ofB.getId());
        assertThat(filterList(deputyA, AccessSetup.FILTER_OVERDUE)).doesNotContain(ofB.getId());
        assertThat(deputyA.get("/engine-rest/task?candidateGroup=" + SchoolStaff.group(schoolB, Groups.DEPUTY_DIRECTOR))
                .body()).isEqualTo("[]");
        assertThat(deputyA.get("/engine-rest/task/" + ofB.getId()).statusCode()).isIn(403, 404);
        assertThat(deputyA.post("/engine-rest/task/" + ofB.getId() + "/claim", "{\"userId\": \"deputy-a\"}")
                .statusCode()).isIn(403, 404);
        assertThat(deputyA.post("/engine-rest/task/" + ofB.getId() + "/submit-form",
                "{\"variables\":{\"doneOn\":{\"value\":\"2026-09-15\"},\"result\":{\"value\":\"Готово\"}}}")
                .statusCode()).isIn(403, 404);
        Task after = taskService.createTaskQuery().taskId(ofB.getId()).singleResult();
        assertThat(after).as("B's task is still open").isNotNull();
        assertThat(after.getAssignee()).isNull();

        RestClient deputyB = RestClient.as(port, "deputy-b", PASSWORD);
        assertThat(filterList(deputyB, AccessSetup.FILTER_GROUP_TASKS)).contains(ofB.getId())
                .doesNotContain(itemTask(schoolA, "1.1").getId());
        assertThat(deputyB.post("/engine-rest/task/" + ofB.getId() + "/claim", "{\"userId\": \"deputy-b\"}")
                .statusCode()).isEqualTo(204);
    }

    @Test
    void theOverdueFilterListsTheOwnSchoolsLateTasksClaimedOrNot() throws Exception {
        Task lateOfB = itemTask(schoolB, "1.1");
        taskService.claim(lateOfB.getId(), "deputy-b");
        clockAt(LocalDateTime.of(2026, 11, 2, 10, 0));
        assertThat(filterList(RestClient.as(port, "deputy-b", PASSWORD), AccessSetup.FILTER_OVERDUE))
                .contains(lateOfB.getId(), itemTask(schoolB, "1.2").getId())
                .doesNotContain(itemTask(schoolA, "1.2").getId());
        assertThat(filterList(RestClient.as(port, "curator-b", PASSWORD), AccessSetup.FILTER_OVERDUE))
                .as("offered to the curator personally").contains(lateOfB.getId());
        assertThat(filterList(RestClient.as(port, "deputy-a", PASSWORD), AccessSetup.FILTER_OVERDUE))
                .contains(itemTask(schoolA, "1.2").getId()).doesNotContain(lateOfB.getId());
    }

    @Test
    void aSchoolsProgrammeFilterIsListedForItsOwnStaffOnly() {
        assertThat(RestClient.as(port, "curator-a", PASSWORD).get("/engine-rest/filter").body())
                .contains(schoolA.schoolName()).doesNotContain(schoolB.schoolName());
        assertThat(RestClient.as(port, "director-b", PASSWORD).get("/engine-rest/filter").body())
                .contains(schoolB.schoolName()).doesNotContain(schoolA.schoolName());
    }

    @Test
    void aProgrammeFilterFromBeforeSchoolGroupsIsNarrowedToTheSchoolOnTheNextStart() {
        // As the version before school groups made it: read by every curator, deputy director and director.
        String filterOfA = filterService.createFilterQuery().filterName(schoolA.title()).singleResult().getId();
        AuthorizationService authorizations = engine.getAuthorizationService();
        authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterOfA).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        for (String role : Groups.SCHOOL_ROLES) {
            Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(role);
            read.setResource(Resources.FILTER);
            read.setResourceId(filterOfA);
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
        assertThat(RestClient.as(port, "curator-b", PASSWORD).get("/engine-rest/filter").body())
                .contains(schoolA.schoolName());

        programmes.filterEveryRunningProgramme();

        assertThat(RestClient.as(port, "curator-b", PASSWORD).get("/engine-rest/filter").body())
                .doesNotContain(schoolA.schoolName());
        assertThat(RestClient.as(port, "deputy-a", PASSWORD).get("/engine-rest/filter").body())
                .contains(schoolA.schoolName());
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterOfA)
                .list()).extracting(Authorization::getGroupId)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(SchoolStaff.groups(schoolA).stream(),
                        Stream.of(Groups.ADMIN)).toList());
    }

    @Test
    void aLateCuratorsTaskIsEscalatedToItsOwnSchoolsDirectorOnly() throws Exception {
        forgetMail();
        clockAt(LocalDateTime.of(2026, 11, 1, 9, 1));
        managementService.executeJob(managementService.createJobQuery()
                .processInstanceId(roadmap.get(schoolB.id(), "1.4").processInstanceId())
                .activityId(Deadlines.TIMER_ESCALATE).singleResult().getId());

        List<String> recipients = new ArrayList<>();
        for (MimeMessage sent : receivedMail()) {
            Arrays.stream(sent.getAllRecipients()).map(Object::toString).forEach(recipients::add);
            assertThat(Arrays.stream(sent.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                    .containsExactly("director-b@school.test");
        }
        assertThat(recipients).contains("director-b@school.test")
                .doesNotContain("director-a@school.test", "director@school.test", "curator-a@school.test");
    }

    @Test
    void anotherSchoolsCuratorReadsNothingOfTheSchoolHoweverTheAddressIsSpelt() {
        WebappSession session = WebappSession.loggedIn(port, "curator-a", PASSWORD);
        long foreign = schoolB.id();
        assertThat(session.get("/programmes/" + schoolA.id()).statusCode()).isEqualTo(200);
        for (String path : List.of("/programmes/" + foreign, "/programmes;x/" + foreign,
                "/programmes/" + foreign + ";x", "/programmes/%d/".formatted(foreign),
                "/programmes/" + foreign + "/roadmap.xlsx")) {
            HttpResponse<String> refused = session.get(path);
            assertThat(refused.statusCode()).as(path).isIn(403, 404);
            assertThat(refused.body()).as(path).doesNotContain(schoolB.schoolName());
        }
        assertThat(session.get("/").body()).contains(schoolA.schoolName()).doesNotContain(schoolB.schoolName());

        RestClient api = RestClient.as(port, "curator-a", PASSWORD);
        for (String path : List.of("/api/programmes/" + foreign, "/api/programmes/" + foreign + "/roadmap",
                "/api/programmes/" + foreign + "/participants", "/api/programmes/" + foreign + ";x/pairs")) {
            HttpResponse<String> refused = api.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).doesNotContain(schoolB.schoolName())
                    .contains("Это программа другой школы");
        }
        assertThat(api.patch("/api/programmes/" + foreign + "/roadmap/1.2",
                "{\"startDate\": \"2026-11-02\", \"dueDate\": \"2026-11-20\"}").statusCode()).isEqualTo(403);
        assertThat(roadmap.get(foreign, "1.2").dueDate()).as("B's roadmap unchanged")
                .isNotEqualTo(java.time.LocalDate.of(2026, 11, 20));
        assertThat(api.get("/api/programmes").body()).contains(schoolA.schoolName())
                .doesNotContain(schoolB.schoolName());
        assertThat(RestClient.as(port, "director-b", PASSWORD).get("/api/programmes/" + foreign).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSchoolFromBeforeSchoolsHadGroupsGetsThemWithEveryoneThenInTheRoles(@Autowired JdbcClient jdbc,
                                                                             @Autowired SchoolStaff staff) {
        // As V21 made a school for every earlier programme: a row, no groups.
        jdbc.sql("insert into school (name, created_at) values ('Школа прошлой версии', current_timestamp)").update();
        long earlier = jdbc.sql("select max(id) from school").query(Long.class).single();
        staff.staffEarlierSchools();
        assertThat(members(Groups.atSchool(Groups.CURATOR, earlier))).contains("curator", "curator-a", "curator-b");
        assertThat(members(Groups.atSchool(Groups.DIRECTOR, earlier))).contains("director", "director-a");

        engine.getIdentityService().deleteMembership("curator-b", Groups.atSchool(Groups.CURATOR, earlier));
        staff.staffEarlierSchools();
        assertThat(members(Groups.atSchool(Groups.CURATOR, earlier))).as("a second start changes nothing")
                .doesNotContain("curator-b");
    }

    private Task itemTask(Programme programme, String code) {
        return taskService.createTaskQuery().processInstanceId(roadmap.get(programme.id(), code).processInstanceId())
                .singleResult();
    }

    private List<String> members(String groupId) {
        return engine.getIdentityService().createUserQuery().memberOfGroup(groupId).list().stream()
                .map(u -> u.getId()).toList();
    }

    /** The task ids of a shared filter's list, asked as Tasklist asks. */
    private List<String> filterList(RestClient user, String filterName) throws Exception {
        String filterId = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
        HttpResponse<String> list = user.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=1000",
                "{}");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode task : new ObjectMapper().readTree(list.body())) {
            ids.add(task.get("id").asText());
        }
        return ids;
    }
}
