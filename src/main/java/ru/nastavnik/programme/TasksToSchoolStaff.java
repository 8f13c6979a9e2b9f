package ru.nastavnik.programme;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.UserTaskParsing;

/**
 * A diagram gives a task to a role ({@code camunda:candidateGroups="curator"}), readable and the same for every
 * school; the task itself goes to the role's group at the programme's school ({@code curator.s12}, see
 * {@link SchoolStaff}). Done once per user task at deployment, by wrapping its candidate-group expressions: the
 * engine then creates the task with the school's group, its identity link and its authorization, nothing to undo.
 * A task outside a programme keeps the role.
 */
@Component
class TasksToSchoolStaff extends AbstractProcessEnginePlugin {

    private final ProgrammeSchools schools;

    // Lazy: the engine is built before Flyway has migrated the product's tables (operations/EngineSchemaFirst).
    TasksToSchoolStaff(@Lazy ProgrammeSchools schools) {
        this.schools = schools;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onEveryUserTask(configuration, (element, activity, definition) -> {
            Set<Expression> groups = definition.getCandidateGroupIdExpressions();
            List<Expression> roles = List.copyOf(groups);
            groups.clear();
            roles.forEach(role -> groups.add(new AtTheSchool(role)));
        });
    }

    /** The school's groups for the roles {@code roles} gives, in the programme of {@code scope}. */
    List<String> groups(Object roles, VariableScope scope) {
        Optional<Long> school = schools.schoolOf(scope);
        return names(roles).stream()
                .map(group -> school.isPresent() && Groups.SCHOOL_ROLES.contains(group)
                        ? Groups.atSchool(group, school.get()) : group)
                .toList();
    }

    /** The engine's own reading of a candidate-group value: a collection, or names separated by commas. */
    private static List<String> names(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : Arrays.stream(String.valueOf(value).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    /** A candidate-group expression of the diagram, evaluated and then turned to the school's groups. */
    private final class AtTheSchool implements Expression {

        private final Expression roles;

        AtTheSchool(Expression roles) {
            this.roles = roles;
        }

        @Override
        public Object getValue(VariableScope scope) {
            return groups(roles.getValue(scope), scope);
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            throw new UnsupportedOperationException("A task's candidate groups are read only");
        }

        @Override
        public String getExpressionText() {
            return roles.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return false;
        }
    }
}
