package org.ahibridge;

import java.io.PrintStream;
import java.util.Optional;

import org.ahibridge.cli.Commands;
import org.ahibridge.startup.StartupProblem;
import org.ahibridge.startup.StartupProblems;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The long-running service: Spring Boot with Camel, routes loaded from {@code routes/}.
 * <p>
 * Auto-configurations for libraries that are on the class path only as other libraries' dependencies (Gson,
 * Reactor Netty and OpenTelemetry come with the Azure and Google storage SDKs) or for features the service does
 * not offer (Spring's HTTP clients, WebSocket, multipart uploads, Camel's cloud service calls, its test
 * components, and its secret vaults, whose components are not shipped) are left out: each is evaluated, and most
 * make beans, on every start. Leaving them out took about 1.2 CPU seconds off the service's start (BENCHMARKS.md,
 * "Start-up"). Camel's other component auto-configurations stay: routes teams write may use them.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.autoconfigure.gson.GsonAutoConfiguration",
    "org.springframework.boot.autoconfigure.reactor.ReactorAutoConfiguration",
    "org.springframework.boot.autoconfigure.netty.NettyAutoConfiguration",
    "org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorAutoConfiguration",
    "org.springframework.boot.autoconfigure.web.reactive.function.client.ClientHttpConnectorAutoConfiguration",
    "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
    "org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
    "org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration",
    "org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.ssl.SslObservabilityAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.ssl.SslHealthContributorAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.task.TaskExecutorMetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.scheduling.ScheduledTasksObservabilityAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.startup.StartupTimeMetricsListenerAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudServiceCallConfigurationAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudServiceChooserAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudServiceDiscoveryAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudServiceFilterAutoConfiguration",
    "org.apache.camel.component.dataset.springboot.DataSetComponentAutoConfiguration",
    "org.apache.camel.component.dataset.springboot.DataSetTestComponentAutoConfiguration",
    "org.apache.camel.component.mock.springboot.MockComponentAutoConfiguration",
    "org.apache.camel.component.stub.springboot.StubComponentAutoConfiguration",
    "org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.AzureVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.CyberArkVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.GcpVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.HashicorpVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.IBMVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.KubernetesConfigMapVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.KubernetesVaultAutoConfiguration"})
@ConfigurationPropertiesScan
public class AhiBridgeApplication {

    /**
     * Starts the service.
     *
     * @return {@link Commands#OK} once it runs; else the exit status of a failed start, after one line on
     *         {@code err} for a known problem (Spring Boot has logged any other failure with its cause)
     */
    public static int run(String[] args, PrintStream err) {
        try {
            SpringApplication.run(AhiBridgeApplication.class, args);
            return Commands.OK;
        } catch (RuntimeException e) {
            Optional<StartupProblem> problem = StartupProblems.find(e);
            problem.ifPresent(p -> err.println("ahi-bridge: " + p.getMessage()));
            return problem.map(p -> p.isConfiguration() ? Commands.USAGE : Commands.FAILED).orElse(Commands.FAILED);
        }
    }
}
