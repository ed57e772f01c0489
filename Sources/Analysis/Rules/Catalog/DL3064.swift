/// Reports ARG and ENV names that look like they hold secrets.
struct DL3064: Rule {
  static let id = "DL3064"
  static let title = "Do not pass secrets in ARG or ENV"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `ENV` values are stored in the image's configuration, and `ARG` values are recorded in the \
    image history of every `RUN` that uses them. Anyone who can pull the image can read them. \
    Pass secrets with `RUN --mount=type=secret`, which keeps them out of the image.

    A name is reported when it is one of a list of well-known secret variables \
    (`GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `NPM_TOKEN`, …, compared without case) or \
    contains `api_key`, `client_key`, `password`, `private`, `secret`, `token` or `username` \
    in any case, the same list as hadolint 2.15.1. `ARG` and `ENV` inside `ONBUILD` are \
    checked too. Every stage is checked.

    ## Example
    ```dockerfile
    FROM node:20
    ARG NPM_TOKEN
    RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
    ```

    ## Use instead
    ```dockerfile
    FROM node:20
    RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    ```
    """

  /// Environment variables that well-known tools read secrets or account data from.
  static let knownSensitiveNames: Set<String> = [
    "ACCESS_TOKEN", "APPLICATION_KEY", "APP_SECRET", "AUTH_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
    "BITTREX_API_KEY", "BITTREX_API_SECRET", "CF_PASSWORD", "CF_USERNAME", "CIRCLE_TOKEN", "CI_DEPLOY_PASSWORD",
    "CI_DEPLOY_USER", "DOCKERHUB_PASSWORD", "DOCKER_EMAIL", "DOCKER_PASSWORD", "DOCKER_USERNAME",
    "FACEBOOK_ACCESS_TOKEN", "FACEBOOK_APP_ID", "FACEBOOK_APP_SECRET", "FIREBASE_API_TOKEN", "FIREBASE_TOKEN",
    "FOSSA_API_KEY", "GH_ENTERPRISE_TOKEN", "GH_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GITHUB_TOKEN", "HEROKU_API_KEY",
    "HEROKU_API_USER", "NPM_AUTH_TOKEN", "NPM_TOKEN", "OKTA_AUTHN_GROUPID", "OKTA_CLIENT_ORGURL", "OKTA_CLIENT_TOKEN",
    "OKTA_OAUTH2_CLIENTID", "OKTA_OAUTH2_CLIENTSECRET", "OPENAI_API_KEY", "OS_PASSWORD", "OS_USERNAME",
    "POSTGRES_PASSWORD", "SLACK_TOKEN", "STRIPE_API_KEY", "STRIPE_DEVICE_NAME", "TRAVIS_OS_NAME",
    "TRAVIS_SECURE_ENV_VARS", "TRAVIS_SUDO", "VAULT_CLIENT_KEY", "VAULT_TOKEN",
  ]

  /// Parts of a lower-cased name that suggest a secret.
  static let suspiciousParts = ["api_key", "client_key", "password", "private", "secret", "token", "username"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions {
      let target = instruction.onbuildTrigger?.instruction ?? instruction
      guard target.kind == .arg || target.kind == .env else { continue }
      for entry in KeyValueArguments.entries(of: target, escape: context.tree.escapeCharacter) where Self.isSensitive(entry.key) {
        let keyword = target.kind.keyword
        findings.append(finding(entry.keyRange, "`\(entry.key)` looks like a secret, and `\(keyword)` values can be read from the image"))
      }
    }
  }

  static func isSensitive(_ name: String) -> Bool {
    if knownSensitiveNames.contains(name.uppercased()) { return true }
    let lowered = name.lowercased()
    return suspiciousParts.contains { lowered.contains($0) }
  }
}
