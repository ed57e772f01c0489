/// The operators of a script's top-level list, which decide whether a command appended to the
/// script depends on the whole script or only on its last part.
public struct ShellTopLevelOperators: Sendable, Hashable {
  /// `;` separators, including one after the last item.
  public var semicolons: [Range<Int>]
  /// `&` separators, including one after the last item.
  public var backgroundOperators: [Range<Int>]
  /// Newline separators, including one after the last item.
  public var newlines: [Range<Int>]
  /// `&&` operators in top-level and-or lists.
  public var andOperators: [Range<Int>]
  /// `||` operators in top-level and-or lists.
  public var orOperators: [Range<Int>]
  /// The separator after the last item, as in `a;` or `a &`.
  public var trailingSeparator: ShellSeparator?

  public init(semicolons: [Range<Int>] = [], backgroundOperators: [Range<Int>] = [], newlines: [Range<Int>] = [],
              andOperators: [Range<Int>] = [], orOperators: [Range<Int>] = [], trailingSeparator: ShellSeparator? = nil) {
    self.semicolons = semicolons
    self.backgroundOperators = backgroundOperators
    self.newlines = newlines
    self.andOperators = andOperators
    self.orOperators = orOperators
    self.trailingSeparator = trailingSeparator
  }
}

extension ShellScript {
  /// The separators and and-or operators of the top-level list. Operators inside subshells,
  /// groups, compound commands and substitutions are not included.
  public var topLevelOperators: ShellTopLevelOperators {
    var operators = ShellTopLevelOperators()
    for item in body.items {
      for link in item.andOr.rest {
        if link.op == .and {
          operators.andOperators.append(link.opRange)
        } else {
          operators.orOperators.append(link.opRange)
        }
      }
      guard let separator = item.separator, let range = item.separatorRange else { continue }
      switch separator {
      case .semicolon: operators.semicolons.append(range)
      case .background: operators.backgroundOperators.append(range)
      case .newline: operators.newlines.append(range)
      }
    }
    operators.trailingSeparator = body.items.last?.separator
    return operators
  }

  /// The range of a comment that ends the script, with only blanks and newlines after it.
  /// Text appended to the end of the script's last line would become part of that comment.
  public var trailingCommentRange: Range<Int>? {
    guard let last = comments.last else { return nil }
    var index = last.upperBound
    while index < bytes.count {
      let byte = bytes[index]
      guard ShellScanner.isBlank(byte) || byte == 0x0A else { return nil }
      index += 1
    }
    return last
  }

  /// The offset just after the last top-level and-or list, where ` && command` can be inserted:
  /// before any trailing separator, comment or here-document body. Nil for an empty script.
  public var endOfLastAndOrList: Int? {
    body.items.last?.andOr.range.upperBound
  }

  /// Whether ` && command` inserted at `endOfLastAndOrList` runs after the whole script and
  /// only when all of it succeeded.
  ///
  /// This needs a script without syntax errors that is a single and-or list not ended by `&`.
  /// A `||` in that list does not prevent it, because and-or lists group from the left:
  /// `a || b && c` runs `c` when `a || b` succeeded, as a separate `RUN c` would.
  public var canAppendAndCommand: Bool {
    guard errors.isEmpty, body.items.count == 1 else { return false }
    return body.items[0].separator != .background
  }
}
