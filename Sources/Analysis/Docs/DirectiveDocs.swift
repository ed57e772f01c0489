/// Markdown hover text for the parser directives `syntax`, `escape` and `check`.
///
/// The facts come from the Dockerfile reference that BuildKit keeps in
/// `frontend/dockerfile/docs/reference.md` (the 1.x syntax).
public enum DirectiveDocs {
  /// The directive names that have docs, in lower case.
  public static let names = ["syntax", "escape", "check"]

  /// Returns the hover text for a directive name in any letter case, or nil for other names.
  public static func markdown(forDirective name: String) -> String? {
    let body: String
    switch name.lowercased() {
    case "syntax": body = syntax
    case "escape": body = escape
    case "check": body = check
    default: return nil
    }
    return body + "\n\n" + placement
  }

  private static let placement = """
    Parser directives are read only at the very top of the file: after the first \
    instruction, comment or blank line, a `# name=value` line is an ordinary comment. \
    Each directive may appear once.
    """

  private static let syntax = """
    ```dockerfile
    # syntax=<frontend image>
    ```
    Selects the Dockerfile frontend that BuildKit pulls and uses to parse and build \
    this file, for example `docker/dockerfile:1` for the latest stable 1.x release. \
    Without it BuildKit uses the frontend bundled with it, which may lack newer \
    instructions, flags and checks. \
    A full version such as `docker/dockerfile:1.10` keeps builds reproducible.
    """

  private static let escape = #"""
    ```dockerfile
    # escape=\
    # escape=`
    ```
    Sets the escape character, which escapes the next character and, at the end of a \#
    line, continues the instruction on the next line. \#
    The default is `\`, and `` ` `` suits Windows images, where `\` separates path \#
    components. \#
    Inside a `RUN` command the character only takes effect at the end of a line.
    """#

  private static let check = """
    ```dockerfile
    # check=skip=<check>[,<check>...]
    # check=skip=all
    # check=error=true
    # check=skip=<check>;error=true
    ```
    Configures BuildKit's build checks, which Dockerfile 1.8 and later run on every \
    build and report as warnings. \
    `skip` turns off the named checks, whose names are case-sensitive \
    (`JSONArgsRecommended`), or all of them, and `error=true` makes a failing check \
    fail the build. \
    With `error=true`, pin the `syntax` version, because newer frontends add checks.
    """
}
