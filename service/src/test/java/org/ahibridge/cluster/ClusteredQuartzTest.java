package org.ahibridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * The clustered Quartz job store of {@link ClusterConfiguration} on PostgreSQL (LedgerDatabase), with the
 * tables migration V61 created: two schedulers (two instances) share one cron trigger, every firing
 * runs on exactly one of them, and when one stops the other carries on alone.
 */
class ClusteredQuartzTest {

    /** Scheduled fire time -> the instances that ran it. */
    static final Map<Instant, List<String>> RUNS = new ConcurrentHashMap<>();

    LedgerDatabase database;
    Scheduler first;
    Scheduler second;

    @BeforeEach
    void startTwoInstances() throws Exception {
        database = LedgerDatabase.postgres(); // skips the test, with the reason, where there is no PostgreSQL
        RUNS.clear();
        DBConnectionManager.getInstance().addConnectionProvider("ahiBridgeLedger",
                new DataSourceConnections(database.dataSource()));
        ClusterProperties cluster = new ClusterProperties(null, Duration.ofMinutes(2), true, Duration.ofMillis(500));
        first = scheduler("instance-a", cluster);
        second = scheduler("instance-b", cluster);
        first.scheduleJob(JobBuilder.newJob(RecordingJob.class).withIdentity("poll", "test").build(),
                TriggerBuilder.newTrigger().withIdentity("poll", "test")
                        .withSchedule(CronScheduleBuilder.cronSchedule("* * * * * ?")).build());
        first.start();
        second.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (database == null) {
            return;
        }
        for (Scheduler scheduler : new Scheduler[] {first, second}) {
            if (scheduler != null && !scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        }
        database.close();
    }

    /** Quartz keeps one scheduler per name in a JVM; two instances of one cluster share the name. */
    private static Scheduler scheduler(String instanceId, ClusterProperties cluster) throws Exception {
        SchedulerRepository.getInstance().remove(ClusterConfiguration.SCHEDULER_NAME);
        Scheduler scheduler = new StdSchedulerFactory(ClusterConfiguration.quartzProperties(instanceId, cluster))
                .getScheduler();
        SchedulerRepository.getInstance().remove(ClusterConfiguration.SCHEDULER_NAME);
        return scheduler;
    }

    @Test
    void shouldRunEachFiringOfASharedCronOnExactlyOneInstance() throws Exception {
        assertThat(first.getMetaData().isJobStoreClustered()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> RUNS.size() >= 6);
        first.shutdown(true);
        int beforeStop = RUNS.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> RUNS.size() >= beforeStop + 3);
        second.shutdown(true);

        assertThat(RUNS).allSatisfy((fireTime, instances) -> assertThat(instances).as(fireTime.toString()).hasSize(1));
        List<Instant> afterStop = RUNS.keySet().stream().sorted().skip(beforeStop).toList();
        assertThat(afterStop).allSatisfy(t -> assertThat(RUNS.get(t)).containsExactly("instance-b"));
    }

    /** Records which instance ran which firing; one at a time cluster-wide, like camel-quartz's stateful job. */
    @DisallowConcurrentExecution
    public static class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                RUNS.computeIfAbsent(context.getScheduledFireTime().toInstant(), t -> new CopyOnWriteArrayList<>())
                        .add(context.getScheduler().getSchedulerInstanceId());
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
