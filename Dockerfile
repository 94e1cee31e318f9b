# Builds ClickClack from a clean checkout and runs it as a non-root user with /data as a volume:
#   docker build -t clickclack . && docker run -p 8080:8080 -v clickclack-data:/data clickclack
# (no pre-built jar needed). Not run on the machines this project is developed on, which have no Docker
# engine; see docs/deployment.md for what was and was not tested.

# ---- build: Node (the web app and the SDK) plus a JDK 25 (the server) ----------------------------------
FROM node:22-bookworm AS build
COPY --from=eclipse-temurin:25-jdk /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:$PATH CLICKCLACK_KEEP_JAVA_HOME=1
WORKDIR /src
COPY . .
# Maven runs npm (install, checks, the web bundle) and builds the server jar with the bundle inside, then the
# self-executing apps/api/target/clickclack.
RUN ./mvnw -B -q -pl apps/web,apps/api -am package -DskipTests -Daot.skip=true

# ---- run: a JRE, the one file, a user that owns /data and nothing else ---------------------------------
FROM eclipse-temurin:25-jre
RUN groupadd --system clickclack && useradd --system --gid clickclack --home-dir /data clickclack \
 && mkdir -p /data && chown clickclack:clickclack /data
COPY --from=build /src/apps/api/target/clickclack /app/clickclack
# A JDK AOT cache for this image's Java (a ~10 s training run on a temporary directory): the server starts 2-3x
# faster with it, and without it if this step could not write one.
RUN /app/clickclack aot-training || echo "no AOT cache: the server will start without one"
USER clickclack
VOLUME /data
EXPOSE 8080
ENV CLICKCLACK_DATA=/data CLICKCLACK_ADDR=:8080 LANG=C.UTF-8
# /readyz answers 200 once migrations ran and the server listens (bash's /dev/tcp: the image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/app/clickclack"]
CMD ["serve"]
