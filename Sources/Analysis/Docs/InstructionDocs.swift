/// Markdown hover text for Dockerfile instructions.
///
/// Each entry opens with the syntax forms in a code block, followed by a short
/// paragraph and, for COPY, a list of options. The facts come from the
/// Dockerfile reference that BuildKit keeps in
/// `frontend/dockerfile/docs/reference.md` (the 1.x syntax).
public enum InstructionDocs {
  /// Returns the hover text for `kind`, or nil for `.unknown`.
  public static func markdown(for kind: InstructionKind) -> String? {
    switch kind {
    case .add: add
    case .arg: arg
    case .cmd: cmd
    case .copy: copy
    case .entrypoint: entrypoint
    case .env: env
    case .expose: expose
    case .from: from
    case .healthcheck: healthcheck
    case .label: label
    case .maintainer: maintainer
    case .onbuild: onbuild
    case .run: run
    case .shell: shell
    case .stopsignal: stopsignal
    case .user: user
    case .volume: volume
    case .workdir: workdir
    case .unknown: nil
    }
  }

  private static let add = """
    ```dockerfile
    ADD [OPTIONS] <src> ... <dest>
    ADD [OPTIONS] ["<src>", ... "<dest>"]
    ```
    Copies files into the image like `COPY`, but a source may also be an HTTP(S) URL \
    or a Git repository, and a local tar archive is unpacked into `<dest>` \
    (`--unpack=false` turns that off). `--checksum=<hash>` verifies a remote source: \
    `sha256:<hex>` for a URL, or a commit SHA or its prefix for Git. \
    `--keep-git-dir=true` keeps the `.git` directory of a cloned repository, and \
    `--chown`, `--chmod`, `--link` and `--exclude` work as in `COPY`. \
    Each `ADD` creates a filesystem layer. \
    Prefer `COPY` for local files, because it never downloads or extracts anything by surprise.
    """

  private static let arg = """
    ```dockerfile
    ARG <name>[=<default>] [<name>[=<default>] ...]
    ```
    Declares a build-time variable that `docker build --build-arg <name>=<value>` can set, \
    and that takes its default value when the build passes none. \
    The variable is in scope from this line to the end of the stage, and an `ARG` \
    declared before the first `FROM` can only be used in `FROM` lines unless a stage \
    declares it again without a value. \
    Values are not kept in the final image's environment, but they show in \
    `docker history`, so pass secrets with `RUN --mount=type=secret` instead. \
    BuildKit predefines `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, `BUILDPLATFORM` \
    and related variables, which a stage must declare with `ARG` to use.
    """

  private static let cmd = """
    ```dockerfile
    CMD ["<executable>", "<arg>", ...]
    CMD ["<arg>", ...]
    CMD <command> <arg> ...
    ```
    Sets the default command of a container started from the image, or with an \
    `ENTRYPOINT` its default arguments. \
    Nothing runs at build time. \
    Arguments after the image name in `docker run` replace it, and only the last \
    `CMD` takes effect. \
    The shell form runs under `/bin/sh -c`, so use the exec (JSON) form together \
    with an exec-form `ENTRYPOINT`. \
    `CMD` only sets image metadata and adds no layer.
    """

  private static let copy = """
    ```dockerfile
    COPY [OPTIONS] <src> ... <dest>
    COPY [OPTIONS] ["<src>", ... "<dest>"]
    ```
    Copies files and directories from the build context into the image. \
    A relative `<dest>` is resolved against `WORKDIR`, with several sources \
    `<dest>` must end with `/`, and the JSON form allows paths with spaces. \
    Each `COPY` creates a filesystem layer, so copy dependency manifests before the \
    rest of the source to keep the dependency install step cached.

    - `--from=<stage|image|context>` copies from a build stage, an image or a named context.
    - `--chown=<user>:<group>` and `--chmod=<mode>` set owner and mode (files are owned by root otherwise).
    - `--link` places the files on an independent layer that stays cached when earlier layers change.
    - `--parents` keeps the parent directories of each source.
    - `--exclude=<pattern>` skips matching paths.
    """

  private static let entrypoint = """
    ```dockerfile
    ENTRYPOINT ["<executable>", "<arg>", ...]
    ENTRYPOINT <command> <arg> ...
    ```
    Sets the program that a container runs, with `CMD` or the `docker run` arguments \
    appended when it uses the exec form. \
    The shell form runs under `/bin/sh -c` and ignores `CMD` and run arguments, and \
    the program is not PID 1, so it never receives the `SIGTERM` from `docker stop` \
    unless the command starts with `exec`. \
    Only the last `ENTRYPOINT` takes effect, `docker run --entrypoint` overrides it, and \
    setting it clears a `CMD` inherited from the base image. \
    `ENTRYPOINT` only sets image metadata and adds no layer.
    """

  private static let env = """
    ```dockerfile
    ENV <key>=<value> [<key>=<value> ...]
    ENV <key> <value>
    ```
    Sets environment variables for the following instructions of the stage, for \
    stages based on it, and for containers run from the image. \
    Values may use quotes and backslash escapes and may refer to earlier variables \
    as `$name` or `${name}`. \
    The second form sets one variable to the rest of the line and is kept only for \
    backward compatibility. \
    Values stay in the image, so a variable that only the build needs, such as \
    `DEBIAN_FRONTEND`, belongs in an `ARG` or inline on the `RUN` line. \
    `ENV` only sets image metadata and adds no layer.
    """

  private static let expose = """
    ```dockerfile
    EXPOSE <port>[/<protocol>] ...
    ```
    Records the ports that the containerized service listens on, over `tcp` (the \
    default) or `udp`. \
    It publishes nothing: `docker run -p <host>:<container>` publishes a port, and \
    `docker run -P` publishes every exposed port on a random high host port. \
    `EXPOSE` only sets image metadata and adds no layer.
    """

  private static let from = """
    ```dockerfile
    FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]
    ```
    Starts a new build stage based on `<image>`, or on an earlier stage by its name. \
    Only parser directives, comments and `ARG` may come before the first `FROM`. \
    Without a tag or digest the builder uses `latest`, so pin a tag or digest for \
    reproducible builds. \
    `AS <name>` names the stage for a later `FROM <name>`, `COPY --from=<name>` or \
    `RUN --mount=from=<name>`. \
    `--platform` picks one platform of a multi-platform image, such as `linux/arm64`, \
    or `$BUILDPLATFORM` for a stage that cross-compiles, and defaults to the build's \
    target platform.
    """

  private static let healthcheck = """
    ```dockerfile
    HEALTHCHECK [OPTIONS] CMD <command>
    HEALTHCHECK NONE
    ```
    Tells Docker how to test that a running container still works: the command runs \
    inside the container, and exit status 0 means healthy, 1 unhealthy (2 is reserved). \
    Options and defaults: `--interval=30s`, `--timeout=30s`, `--start-period=0s`, \
    `--start-interval=5s` (needs Docker Engine 25.0 or later) and `--retries=3` \
    consecutive failures before the status becomes `unhealthy`. \
    Failures during the start period don't count toward the retries. \
    `HEALTHCHECK NONE` disables a check inherited from the base image, and only the \
    last `HEALTHCHECK` takes effect.
    """

  private static let label = """
    ```dockerfile
    LABEL <key>=<value> [<key>=<value> ...]
    ```
    Adds key-value metadata to the image, which `docker image inspect` shows. \
    Wrap values with spaces in double quotes, because single quotes stop variable \
    expansion. \
    Labels from the base image are inherited, and a later value for the same key \
    replaces the earlier one. \
    The `org.opencontainers.image.*` keys are the common convention. \
    `LABEL` only sets image metadata and adds no layer.
    """

  private static let maintainer = """
    ```dockerfile
    MAINTAINER <name>
    ```
    **Deprecated.** Sets the Author field of the image. \
    Use `LABEL org.opencontainers.image.authors="<name>"` instead, which \
    `docker image inspect` shows with the other labels.
    """

  private static let onbuild = """
    ```dockerfile
    ONBUILD <INSTRUCTION>
    ```
    Stores an instruction in the image as a trigger instead of running it now. \
    When another build names this image in `FROM`, the triggers run in their original \
    order right after that `FROM`, and a failing trigger fails that build. \
    Images built from that build do not inherit the triggers again. \
    `ONBUILD ONBUILD` is not allowed, and a trigger cannot be `FROM` or `MAINTAINER`. \
    It suits base images that expect to receive application source, such as builder images.
    """

  private static let run = """
    ```dockerfile
    RUN [OPTIONS] <command> ...
    RUN [OPTIONS] ["<executable>", "<arg>", ...]
    ```
    Runs a command at build time and commits the result as a new filesystem layer. \
    The shell form runs through the default shell (`/bin/sh -c` on Linux, see `SHELL`) \
    and accepts heredocs (`RUN <<EOF`), while the exec form starts the program \
    directly, without variable expansion. \
    Options: `--mount=type=bind|cache|tmpfs|secret|ssh` adds a mount for this command \
    only, `--network=default|none|host` selects the network, \
    `--security=insecure` runs the command without the sandbox (the builder must \
    allow the `security.insecure` entitlement), and `--device` requests CDI devices. \
    Files deleted by a later `RUN` still take space in the earlier layer, so chain \
    related commands with `&&` and clean package caches in the same `RUN`, for \
    example `apt-get install -y curl && rm -rf /var/lib/apt/lists/*`.
    """

  private static let shell = """
    ```dockerfile
    SHELL ["<executable>", "<param>", ...]
    ```
    Replaces the shell that the shell forms of `RUN`, `CMD` and `ENTRYPOINT` use, \
    from this line on, and each `SHELL` overrides the previous one. \
    The default is `["/bin/sh", "-c"]` on Linux and `["cmd", "/S", "/C"]` on Windows, \
    and the argument must be a JSON array. \
    For example, `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` makes a pipeline fail \
    when any command in it fails. \
    `SHELL` only sets image metadata and adds no layer.
    """

  private static let stopsignal = """
    ```dockerfile
    STOPSIGNAL <signal>
    ```
    Sets the signal that `docker stop` sends to ask the container to exit, by name \
    such as `SIGQUIT` or by number such as `3`. \
    The default is `SIGTERM`, and Docker sends `SIGKILL` if the container is still \
    running after the stop timeout. \
    `docker run --stop-signal` overrides it for one container, and it does not change \
    the `SIGINT` that Ctrl+C sends.
    """

  private static let user = """
    ```dockerfile
    USER <user>[:<group>]
    USER <uid>[:<gid>]
    ```
    Sets the user, and optionally the group, for the rest of the stage: the following \
    `RUN` commands and the container's `ENTRYPOINT` and `CMD` run as this user \
    instead of `root`. \
    With a group the user belongs to that group only, and a user without a primary \
    group runs with group `root`. \
    `COPY` and `ADD` still create files owned by root unless they use `--chown`. \
    Create the account in an earlier `RUN`, and end the final stage with a non-root \
    user to limit what a compromised container can do.
    """

  private static let volume = """
    ```dockerfile
    VOLUME ["<path>", ...]
    VOLUME <path> ...
    ```
    Marks paths as mount points for volumes: a container gets an anonymous volume \
    there unless one is mounted, filled with what the image has at that path. \
    The host directory cannot be chosen in a Dockerfile, only at run time with \
    `docker run -v` or `--mount`, and the JSON form needs double quotes. \
    The legacy builder discards changes that later build steps make under the path, \
    while BuildKit keeps them. \
    `VOLUME` only sets image metadata and adds no layer.
    """

  private static let workdir = """
    ```dockerfile
    WORKDIR <path>
    ```
    Sets the working directory for the following `RUN`, `CMD`, `ENTRYPOINT`, `COPY` \
    and `ADD` instructions, and creates it if it does not exist. \
    A relative path is resolved against the previous `WORKDIR`, and variables from \
    `ENV` and `ARG` are expanded. \
    The default is `/` unless the base image sets another, so set it explicitly. \
    Prefer `WORKDIR` to `RUN cd ...`, which only affects that one `RUN`.
    """
}
