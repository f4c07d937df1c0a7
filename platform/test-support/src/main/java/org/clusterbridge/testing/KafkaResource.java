package org.clusterbridge.testing;

import org.clusterbridge.embedded.KafkaBroker;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real Kafka broker for the service under test, or the external one named by
 * {@value ExternalServers#KAFKA}. Fields of type {@link KafkaBroker} annotated {@link InjectKafkaBroker}
 * receive the embedded broker, so a test can stop and restart it.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;
    private String bootstrapServers;

    @Override
    public Map<String, String> start() {
        bootstrapServers = ExternalServers.get(ExternalServers.KAFKA).orElseGet(() -> {
            broker = KafkaBroker.temporary().start();
            return broker.bootstrapServers();
        });
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
