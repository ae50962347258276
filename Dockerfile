# ahi-bridge service image. Build: docker build -t ahi-bridge .
#
# Build stage: the same Maven build as CI, without tests (CI runs them). The poms go first so that the
# dependency download is cached as a layer of its own.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY dicom/pom.xml dicom/
COPY emulator/pom.xml emulator/
COPY service/pom.xml service/
RUN mvn -B -q dependency:go-offline -DexcludeReactor=true
COPY dicom dicom
COPY emulator emulator
COPY service service
RUN mvn -B -q package -DskipTests

# Runtime stage: a deployment folder. The jar holds only the service's own classes; its libraries sit as plain
# jars in lib/ (named by the jar's manifest), which load much faster than jars nested in one fat jar. The
# launcher adds class-data sharing from archives made here, at image build time, by a training run of each
# command (docs/platform.md, "Start-up").
FROM eclipse-temurin:17-jre
# libopenjp2 2.5 (Ubuntu 24.04's libopenjp2-7) decodes HTJ2K and JPEG 2000 frames for
# `export --transfer-syntax explicit-vr-little-endian` (docs/export-pipeline.md, "Transfer syntax").
RUN apt-get update && apt-get install -y --no-install-recommends libopenjp2-7 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app ahibridge
WORKDIR /app
COPY --from=build /src/target/lib /app/lib
COPY --from=build /src/target/emulators /app/emulators
COPY --from=build /src/target/ahi-bridge.jar /src/target/ahi-bridge /app/
COPY application.yaml /app/application.yaml
COPY routes /app/routes
# Training runs: each writes the class-data archive of its command into /app/cds on exit. The service run stops
# once its context has started (spring.context.exit=onRefresh). Their state is thrown away.
RUN mkdir -p /tmp/train/empty && cd /tmp/train && cp -r /app/application.yaml /app/routes . \
    && /app/ahi-bridge samples --out /tmp/train/samples --studies 1 --series 1 --instances 2 \
    && /app/ahi-bridge p10 check /tmp/train/samples > /dev/null \
    && /app/ahi-bridge import --source file:/tmp/train/empty --once > /dev/null \
    && JAVA_OPTS=-Dspring.context.exit=onRefresh /app/ahi-bridge > /dev/null \
    && cd / && rm -rf /tmp/train \
    && mkdir -p /app/data/inbox /app/audit && chown -R ahibridge /app/data /app/audit
USER ahibridge
# State lives in two volumes. Files reach the embedded default's source folder, data/inbox, through the data
# volume: mount a host folder over /app/data/inbox, or copy into the running container
# (docker cp scan.dcm <container>:/app/data/inbox/); a file is taken once it is unchanged across two
# listings. Mount your own routes over /app/routes and your own application.yaml over /app/application.yaml.
VOLUME ["/app/data", "/app/audit"]
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
# Health, metrics and the status page (docs/operations.md). Outside a container the port listens on loopback
# only; in one, loopback is unreachable from the host and the orchestrator's probes, so it listens on all of the
# container's interfaces: publish it only to a private network.
ENV SERVER_ADDRESS=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["/app/ahi-bridge"]
