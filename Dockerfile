# Build the server first: ./mvnw -pl apps/api -am package -DskipTests
# The image runs the self-executing apps/api/target/clickclack (a launcher script with the jar appended), which
# starts Java with the options of scripts/jvm-options.sh and the AOT cache written below.
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY apps/api/target/clickclack /app/clickclack
# A JDK AOT cache for this image's Java (a ~10 s training run on a temporary directory): the server starts 2-3x
# faster with it, and without it if this step could not write one.
RUN /app/clickclack aot-training || echo "no AOT cache: the server will start without one"
VOLUME /data
EXPOSE 8080
ENV CLICKCLACK_DATA=/data CLICKCLACK_ADDR=:8080
ENTRYPOINT ["/app/clickclack"]
CMD ["serve"]
