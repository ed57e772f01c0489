import XCTest
@testable import DockerLSP

final class JSONTests: XCTestCase {
  func testParsesScalars() throws {
    XCTAssertEqual(try JSONParser.parse("null"), .null)
    XCTAssertEqual(try JSONParser.parse(" true "), .bool(true))
    XCTAssertEqual(try JSONParser.parse("false"), .bool(false))
    XCTAssertEqual(try JSONParser.parse("0"), .int(0))
    XCTAssertEqual(try JSONParser.parse("-42"), .int(-42))
    XCTAssertEqual(try JSONParser.parse("1.5"), .double(1.5))
    XCTAssertEqual(try JSONParser.parse("-2.5e3"), .double(-2500))
    XCTAssertEqual(try JSONParser.parse("1E2"), .double(100))
    XCTAssertEqual(try JSONParser.parse("\"hi\""), .string("hi"))
  }

  func testIntegerOverflowBecomesDouble() throws {
    XCTAssertEqual(try JSONParser.parse("9223372036854775807"), .int(Int.max))
    XCTAssertEqual(try JSONParser.parse("92233720368547758080"), .double(9.223372036854775808e19))
  }

  func testParsesAllEscapes() throws {
    let value = try JSONParser.parse(#""a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00e9""#)
    XCTAssertEqual(value, .string("a\"b\\c/d\u{8}e\u{c}f\ng\rh\tiAé"))
  }

  func testParsesSurrogatePair() throws {
    XCTAssertEqual(try JSONParser.parse(#""\ud83d\ude00x""#), .string("😀x"))
    XCTAssertEqual(try JSONParser.parse(#""\uD83D\uDE00""#), .string("😀"))
  }

  func testRawUTF8PassesThrough() throws {
    XCTAssertEqual(try JSONParser.parse("\"é😀\""), .string("é😀"))
  }

  func testInvalidUTF8IsRepaired() throws {
    let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
    XCTAssertEqual(try JSONParser.parse(bytes), .string("a\u{FFFD}b"))
  }

  func testObjectKeepsKeyOrder() throws {
    let value = try JSONParser.parse(#"{"b":1,"a":[true,null],"c":{"d":"e"}}"#)
    XCTAssertEqual(value.objectValue?.keys, ["b", "a", "c"])
    XCTAssertEqual(value["a"], .array([.bool(true), .null]))
    XCTAssertEqual(value["c"]?["d"], .string("e"))
    XCTAssertNil(value["missing"])
  }

  func testDuplicateKeyKeepsLastValue() throws {
    let value = try JSONParser.parse(#"{"a":1,"a":2}"#)
    XCTAssertEqual(value.objectValue?.count, 1)
    XCTAssertEqual(value["a"], .int(2))
  }

  func testRoundTripIsExact() throws {
    let texts = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
      #"[1,-2,3.25,"x\"y",null,true,false,[],{}]"#,
      #"{"text":"line1\nline2\ttab\u0001ctl","emoji":"😀","nested":{"a":[{"b":[]}]}}"#,
    ]
    for text in texts {
      XCTAssertEqual(try JSONParser.parse(text).jsonText, text)
    }
  }

  func testValueRoundTripThroughSerializer() throws {
    let value: JSONValue = [
      "string": "quote \" backslash \\ newline \n nul \u{0} é 😀",
      "numbers": [0, -1, 1.5, 1e300, .int(Int.min)],
      "flags": [true, false, nil],
      "empty": [:],
    ]
    XCTAssertEqual(try JSONParser.parse(value.serialized), value)
  }

  func testSerializesControlCharactersAsEscapes() {
    XCTAssertEqual(JSONValue.string("\u{1}\u{1f}\n").jsonText, #""\u0001\u001f\n""#)
  }

  func testNonFiniteDoubleSerializesAsNull() {
    XCTAssertEqual(JSONValue.double(.infinity).jsonText, "null")
    XCTAssertEqual(JSONValue.double(.nan).jsonText, "null")
  }

  func testIntValueAcceptsIntegralDouble() {
    XCTAssertEqual(JSONValue.double(3).intValue, 3)
    XCTAssertNil(JSONValue.double(3.5).intValue)
    XCTAssertNil(JSONValue.string("3").intValue)
  }

  func testObjectEqualityIgnoresOrder() {
    XCTAssertEqual(JSONValue(dictionaryLiteral: ("a", 1), ("b", 2)), ["b": 2, "a": 1])
    XCTAssertNotEqual(JSONValue(dictionaryLiteral: ("a", 1)), ["a": 1, "b": 2])
  }

  /// Each malformed input with the exact offset and reason the parser reports.
  func testMalformedInputsReportOffsetAndReason() {
    let cases: [(String, Int, String)] = [
      ("", 0, "unexpected end of input, expected a value"),
      ("   ", 3, "unexpected end of input, expected a value"),
      ("{", 1, "unexpected end of input, expected a member name string"),
      ("{\"a\" 1}", 5, "unexpected character '1', expected ':' after a member name"),
      ("{\"a\":1,}", 7, "unexpected character '}', expected a member name string"),
      ("{\"a\":1", 6, "unterminated object, expected ',' or '}'"),
      ("[1,2", 4, "unterminated array, expected ',' or ']'"),
      ("[1 2]", 3, "unexpected character '2', expected ',' or ']'"),
      ("[1,]", 3, "unexpected character ']', expected a value"),
      ("tru", 0, "invalid literal, expected 'true'"),
      ("nul", 0, "invalid literal, expected 'null'"),
      ("01", 0, "leading zero in a number"),
      ("-", 1, "expected a digit after '-'"),
      ("1.", 2, "expected a digit after '.'"),
      ("1e", 2, "expected a digit in the exponent"),
      ("+1", 0, "unexpected character '+', expected a value"),
      ("\"abc", 0, "unterminated string"),
      ("\"a\\", 2, "unterminated string"),
      ("\"a\\x\"", 2, "invalid escape '\\x' in a string"),
      ("\"\\u12\"", 1, "incomplete \\u escape"),
      ("\"\\u12G4\"", 5, "invalid hex digit in \\u escape"),
      ("\"\\ud83d\"", 1, "high surrogate \\uD83D is not followed by a low surrogate"),
      ("\"\\ud83d\\u0041\"", 1, "high surrogate \\uD83D is followed by \\u0041, not a low surrogate"),
      ("\"\\ude00\"", 1, "low surrogate \\uDE00 without a preceding high surrogate"),
      ("\"a\nb\"", 2, "unescaped control character 0xa in a string"),
      ("{} x", 3, "unexpected character 'x' after the value"),
      ("'a'", 0, "unexpected character ''', expected a value"),
    ]
    for (text, offset, reason) in cases {
      XCTAssertThrowsError(try JSONParser.parse(text), "input: \(text)") { error in
        XCTAssertEqual(error as? JSONParseError, JSONParseError(offset: offset, reason: reason), "input: \(text)")
      }
    }
  }

  func testDeepNestingIsRejected() {
    let text = String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
    XCTAssertThrowsError(try JSONParser.parse(text)) { error in
      XCTAssertEqual((error as? JSONParseError)?.reason, "nesting deeper than \(JSONParser.maxDepth) levels")
    }
    let allowed = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
    XCTAssertNoThrow(try JSONParser.parse(allowed))
  }
}
