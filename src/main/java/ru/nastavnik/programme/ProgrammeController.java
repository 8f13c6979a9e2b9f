package ru.nastavnik.programme;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;

@RestController
@RequestMapping("/api")
class ProgrammeController {

    record ProgrammeView(long id, String schoolName, String schoolYear, List<String> forms, String curatorId,
                         String processInstanceId, int currentStage, Instant createdAt,
                         Instant roadmapApprovedAt, Instant completedAt, Long municipalityId) {
    }

    record RoadmapItemView(String code, String title, int stage, LocalDate startDate, LocalDate dueDate,
                           String responsibleGroup, RoadmapItem.Status status, Instant completedAt,
                           String completedBy, LocalDate doneOn, String result, String comment,
                           String attachments) {
    }

    record DateChange(LocalDate startDate, LocalDate dueDate) {
    }

    record FormView(String code, String title) {
    }

    private final ProgrammeService programmes;
    private final RoadmapService roadmap;
    private final CurrentUser currentUser;
    private final ProgrammeReaders readers;

    ProgrammeController(ProgrammeService programmes, RoadmapService roadmap, CurrentUser currentUser,
                        ProgrammeReaders readers) {
        this.readers = readers;
        this.programmes = programmes;
        this.roadmap = roadmap;
        this.currentUser = currentUser;
    }

    @PostMapping("/programmes")
    ResponseEntity<ProgrammeView> start(@RequestBody ProgrammeRequest request) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_MANAGERS,
                "Запускать программу могут куратор, заместитель директора или директор");
        Programme programme = programmes.start(request);
        return ResponseEntity.created(URI.create("/api/programmes/" + programme.id())).body(view(programme));
    }

    @GetMapping("/programmes")
    List<ProgrammeView> list() {
        return readers.readable(programmes.list()).stream().map(this::view).toList();
    }

    @GetMapping("/programmes/{id}")
    ProgrammeView get(@PathVariable long id) {
        return view(programmes.get(id));
    }

    @GetMapping("/programmes/{id}/roadmap")
    List<RoadmapItemView> roadmap(@PathVariable long id) {
        LocalDate today = roadmap.today();
        return roadmap.roadmap(id).stream().map(item -> view(item, today)).toList();
    }

    @PatchMapping("/programmes/{id}/roadmap/{code}")
    RoadmapItemView moveDates(@PathVariable long id, @PathVariable String code, @RequestBody DateChange change) {
        return view(roadmap.moveDates(id, code, change.startDate(), change.dueDate()), roadmap.today());
    }

    @GetMapping("/forms-of-mentorship")
    List<FormView> forms() {
        return Arrays.stream(MentorshipForm.values()).map(f -> new FormView(f.code(), f.title())).toList();
    }

    private ProgrammeView view(Programme p) {
        return new ProgrammeView(p.id(), p.schoolName(), p.schoolYear(), p.forms(), p.curatorId(),
                p.processInstanceId(), programmes.currentStage(p), p.createdAt(), p.roadmapApprovedAt(),
                p.completedAt(), p.municipalityId());
    }

    private static RoadmapItemView view(RoadmapItem i, LocalDate today) {
        return new RoadmapItemView(i.code(), i.title(), i.stage(), i.startDate(), i.dueDate(), i.responsibleGroup(),
                i.status(today), i.completedAt(), i.completedBy(), i.doneOn(), i.result(), i.comment(),
                i.attachments());
    }
}
