package ru.nastavnik.district;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;

/** The admin's API of municipalities: create them, put schools' programmes into them, attach coordinators. */
@RestController
@RequestMapping("/api/municipalities")
class MunicipalityController {

    static final String REFUSAL = "Муниципалитеты и их координаторов настраивает администратор";

    record NewMunicipality(String name) {
    }

    private final Municipalities municipalities;
    private final CurrentUser currentUser;

    MunicipalityController(Municipalities municipalities, CurrentUser currentUser) {
        this.municipalities = municipalities;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<Municipality> list() {
        requireAdmin();
        return municipalities.list();
    }

    @PostMapping
    ResponseEntity<Municipality> create(@RequestBody NewMunicipality request) {
        requireAdmin();
        Municipality created = municipalities.create(request.name());
        return ResponseEntity.created(URI.create("/api/municipalities/" + created.id())).body(created);
    }

    /** Puts the school's programme into this municipality (out of any other). */
    @PutMapping("/{id}/programmes/{programmeId}")
    ResponseEntity<Void> attachSchool(@PathVariable long id, @PathVariable long programmeId) {
        requireAdmin();
        municipalities.attachSchool(id, programmeId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/coordinators/{userId}")
    ResponseEntity<Void> attachCoordinator(@PathVariable long id, @PathVariable String userId) {
        requireAdmin();
        municipalities.attachCoordinator(id, userId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/coordinators/{userId}")
    ResponseEntity<Void> detachCoordinator(@PathVariable long id, @PathVariable String userId) {
        requireAdmin();
        municipalities.detachCoordinator(id, userId);
        return ResponseEntity.noContent().build();
    }

    private void requireAdmin() {
        currentUser.requireAnyGroup(List.of(Groups.ADMIN), REFUSAL);
    }
}
