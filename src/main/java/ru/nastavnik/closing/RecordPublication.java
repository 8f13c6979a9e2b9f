package ru.nastavnik.closing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/** Task_RecordPublication (item 7.6): where and when the results were published on the school's site; closes 7.6. */
@Component("recordPublication")
class RecordPublication implements JavaDelegate {

    private static final Pattern URL = Pattern.compile("^https?://[^\\s<>\"]+$");

    private final ClosingRecords records;
    private final RoadmapService roadmap;
    private final CurrentUser currentUser;

    RecordPublication(ClosingRecords records, RoadmapService roadmap, CurrentUser currentUser) {
        this.records = records;
        this.roadmap = roadmap;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<FieldError> errors = new ArrayList<>();
        String url = ClosingForms.text(execution, ClosingForms.PUBLICATION_URL.name(), "Адрес публикации", 500, errors);
        if (url != null && !URL.matcher(url).matches()) {
            errors.add(new FieldError(ClosingForms.PUBLICATION_URL.name(),
                    "Адрес публикации начинается с http:// или https:// и не содержит пробелов"));
        }
        var on = ProcessVariables.date(execution.getVariable(ClosingForms.PUBLISHED_ON.name()));
        if (on.isEmpty()) {
            errors.add(new FieldError(ClosingForms.PUBLISHED_ON.name(), "Укажите дату публикации"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        records.published(programmeId, url, on.get(), ProgrammeProcess.actor(currentUser, execution));
        roadmap.closeByWork(programmeId, ClosingProcess.PUBLICATION, "Итоги, лучшие наставники и кейсы опубликованы: "
                + url);
    }
}
