package ru.nastavnik.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A region's open tasks and pending timers, written by bulk SQL (PostgreSQL) as clones of real rows the engine
 * wrote for one school: for every clone a process instance, its task, the task's identity links, the per-task
 * authorizations the engine created for them, the task's local variables and one pending reminder timer. Four in
 * five clones are a mentor's meeting report (assigned to the mentor), one in five a staff task of another school
 * (that school's group of the role and its curator), 100 tasks per school. Ids start with «bench-», so a database keeps
 * them between runs and tops them up to a larger count.
 */
final class RegionData {

    static final int TASKS_PER_SCHOOL = 100;

    private final JdbcClient jdbc;

    RegionData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int tasks() {
        return jdbc.sql("select count(*) from act_ru_task where id_ like 'bench-t-%'").query(Integer.class).single();
    }

    /**
     * Tops the region up to {@code target} open tasks, cloning {@code mentorTask} (assigned to {@code mentorUser})
     * and {@code staffTask} (offered to {@code curatorUser}); due dates spread from 30 days ago to 300 days ahead,
     * timers from 1 to 365 days ahead of {@code now}. Answers how long it took.
     */
    Duration grow(int target, String mentorTask, String mentorUser, String staffTask, String curatorUser,
                  String timerJob, Instant now) {
        int from = tasks() + 1;
        long start = System.nanoTime();
        if (from > target) {
            return Duration.ZERO;
        }
        Map<String, Object> params = Map.of("from", from, "to", target, "mentor", mentorTask, "staff", staffTask,
                "mentorUser", mentorUser, "curatorUser", curatorUser, "now", Timestamp.from(now), "timer", timerJob);
        // Which template clone i copies, its school, and the users it names instead of the template's.
        String clones = """
                with clone as (
                  select i, case when i %% 5 = 0 then :staff else :mentor end as template,
                         'bench-e-' || i as exe, 'bench-t-' || i as task, i / %d as school
                  from generate_series(:from, :to) as i)
                """.formatted(TASKS_PER_SCHOOL);
        // Each clone's school has its own groups (curator.sb17, …, see SchoolStaff); half of the staff tasks go to
        // its curators' group, half keep the template's role (deputy directors').
        String group = "case when %1$s is null then null when %1$s not like '%%.s%%' then %1$s "
                + "else (case when c.i %% 10 = 0 then 'curator' else regexp_replace(%1$s, '[.]s[0-9]+$', '') end) "
                + "|| '.sb' || c.school end";
        String user = "case when %1$s = :mentorUser then 'bench-m-' || c.i when %1$s = :curatorUser "
                + "then 'bench-c-' || c.school else %1$s end";
        run(clones + """
                insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, parent_id_,
                       proc_def_id_, act_id_, act_inst_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_,
                       suspension_state_, cached_ent_state_, sequence_counter_, tenant_id_, proc_def_key_)
                select c.exe, 1, c.exe, c.exe, 'bench:' || c.i, null, t.proc_def_id_, t.task_def_key_,
                       t.task_def_key_ || ':' || c.exe, true, false, true, false, 1, 0, 1, null, d.key_
                from clone c join act_ru_task t on t.id_ = c.template join act_re_procdef d on d.id_ = t.proc_def_id_
                """, params);
        run(clones + """
                insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, description_,
                       task_def_key_, owner_, assignee_, priority_, create_time_, last_updated_, due_date_,
                       suspension_state_, task_state_)
                select c.task, 1, c.exe, c.exe, t.proc_def_id_, t.name_ || ' ' || c.i, t.description_,
                       t.task_def_key_, null, %s, t.priority_,
                       cast(:now as timestamp) - (c.i %% 200) * interval '1 day',
                       null, cast(:now as timestamp) + ((cast(c.i as bigint) * 7919) %% 330 - 30) * interval '1 day', 1, t.task_state_
                from clone c join act_ru_task t on t.id_ = c.template
                """.formatted(user.formatted("t.assignee_")), params);
        run(clones + """
                insert into act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, proc_def_id_)
                select 'bench-l-' || c.i || '-' || l.id_, 1, %s, l.type_, %s, c.task, l.proc_def_id_
                from clone c join act_ru_identitylink l on l.task_id_ = c.template
                """.formatted(group.formatted("l.group_id_"), user.formatted("l.user_id_")), params);
        run(clones + """
                insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_,
                       perms_, root_proc_inst_id_)
                select 'bench-a-' || c.i || '-' || a.id_, 1, a.type_, %s, %s, a.resource_type_, c.task,
                       a.perms_, c.exe
                from clone c join act_ru_authorization a on a.resource_id_ = c.template
                """.formatted(group.formatted("a.group_id_"), user.formatted("a.user_id_")), params);
        run(clones + """
                insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_,
                       task_id_, double_, long_, text_, text2_, var_scope_, sequence_counter_, is_concurrent_local_)
                select 'bench-v-' || c.i || '-' || v.id_, 1, v.type_, v.name_, c.exe, c.exe, v.proc_def_id_, c.task,
                       v.double_, v.long_,
                       case when v.name_ = 'programmeTitle' then 'Программа школы № ' || c.school else v.text_ end,
                       v.text2_, c.task, 1, false
                from clone c join act_ru_variable v on v.task_id_ = c.template and v.bytearray_id_ is null
                """, params);
        run(clones + """
                insert into act_ru_job (id_, rev_, type_, exclusive_, execution_id_, root_proc_inst_id_,
                       process_instance_id_, process_def_id_, process_def_key_, retries_, duedate_, handler_type_,
                       handler_cfg_, deployment_id_, suspension_state_, job_def_id_, priority_, sequence_counter_,
                       create_time_)
                select 'bench-j-' || c.i, 1, j.type_, j.exclusive_, c.exe, c.exe, c.exe, j.process_def_id_,
                       j.process_def_key_, j.retries_, cast(:now as timestamp) + (1 + (cast(c.i as bigint) * 104729) % 365) * interval '1 day',
                       j.handler_type_, j.handler_cfg_, j.deployment_id_, 1, j.job_def_id_, j.priority_, 1,
                       cast(:now as timestamp)
                from clone c cross join act_ru_job j where j.id_ = :timer
                """, params);
        jdbc.sql("analyze").update();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void run(String sql, Map<String, Object> params) {
        jdbc.sql(sql).params(params).update();
    }
}
