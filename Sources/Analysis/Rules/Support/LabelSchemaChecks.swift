/// The label entries of a document and the schema checks that DL3049–DL3058 share.
enum LabelSchemaChecks {
  /// Returns the entries of every LABEL instruction (not those inside ONBUILD, which label
  /// images built later), with the index of the instruction.
  static func labels(_ context: RuleContext) -> [(instructionIndex: Int, entry: KeyValueEntry)] {
    var result: [(instructionIndex: Int, entry: KeyValueEntry)] = []
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .label {
      for entry in KeyValueArguments.entries(of: instruction, escape: context.tree.escapeCharacter) {
        result.append((index, entry))
      }
    }
    return result
  }

  /// Reports each non-empty value of a schema label of kind `type` that does not have that
  /// kind's form. Values with a `$` expansion are skipped, because their text is unknown.
  static func checkValues<R: Rule>(
    _ rule: R, type: RuleSettings.LabelType, problem: String, context: RuleContext, into findings: inout [Finding]
  ) {
    let schema = context.settings.labelSchema
    guard schema.values.contains(type) else { return }
    for (_, entry) in labels(context) {
      guard schema[entry.key] == type, let value = entry.value, let range = entry.valueRange,
        !value.isEmpty, !entry.valueHasExpansion, !LabelValues.isValid(value, as: type)
      else { continue }
      findings.append(rule.finding(range, "The value `\(value)` of label `\(entry.key)` \(problem)"))
    }
  }

  /// Documentation shared by the rules that check a label's value against the schema.
  static func valueRuleNotes(kind: String) -> String {
    """
    The rule reads the label schema (the `label-schema` setting, as in hadolint's \
    configuration) and checks the labels declared as `\(kind)`. With an empty schema it \
    finds nothing. Every `LABEL` of every stage is checked; `LABEL` inside `ONBUILD` is not. \
    An empty value is left to DL3051, and a value with a variable (`$VERSION`) is skipped \
    because it is known only at build time; hadolint 2.15.1 reports both.
    """
  }
}
