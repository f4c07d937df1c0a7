package org.clusterbridge.system;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/** The services' consumer groups as the broker sees them (Kafka's Admin API). */
final class ConsumerGroups implements AutoCloseable {

    /** A group at one moment: its state and which member holds which partitions. */
    record Group(String id, GroupState state, Map<String, Set<TopicPartition>> assignments) {

        int members() {
            return assignments.size();
        }

        Set<TopicPartition> assigned() {
            Set<TopicPartition> all = new HashSet<>();
            assignments.values().forEach(all::addAll);
            return all;
        }

        boolean stable() {
            return state == GroupState.STABLE;
        }

        /** The partitions members held that are no longer in the group. */
        Set<TopicPartition> heldByMembersGoneIn(Group later) {
            Set<TopicPartition> held = new HashSet<>();
            assignments.forEach((member, partitions) -> {
                if (!later.assignments.containsKey(member)) {
                    held.addAll(partitions);
                }
            });
            return held;
        }
    }

    /**
     * The broker did not answer the Admin API in time (it can, briefly, while members die and rejoin on a busy
     * machine): a poll that sees this has learnt nothing yet and asks again.
     */
    static final class Unavailable extends RuntimeException {
        Unavailable(String what, Throwable cause) {
            super("could not " + what + ": " + cause, cause);
        }
    }

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10000));
    }

    Group describe(String groupId) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(10, TimeUnit.SECONDS).get(groupId);
            Map<String, Set<TopicPartition>> assignments = new HashMap<>();
            for (MemberDescription member : description.members()) {
                assignments.put(member.consumerId(), Set.copyOf(member.assignment().topicPartitions()));
            }
            return new Group(groupId, description.groupState(), assignments);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("describe consumer group " + groupId, e);
        }
    }

    /** Partitions of these topics. */
    Set<TopicPartition> partitions(List<String> topics) {
        try {
            Set<TopicPartition> partitions = new HashSet<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(p -> partitions.add(
                            new TopicPartition(topic.name(), p.partition()))));
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("describe topics " + topics, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
