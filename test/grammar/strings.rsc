# SYNTAX TEST "source.routeros" "strings: escapes, invalid escapes, continuation, interpolation"
:put "plain text"
#    ^ punctuation.definition.string.begin.routeros
#     ^^^^^^^^^^ string.quoted.double.routeros
#               ^ punctuation.definition.string.end.routeros
# Every escape RouterOS knows.
:put "\" \\ \n \r \t \$ \_ \a \b \f \v"
#     ^^ string.quoted.double.routeros constant.character.escape.routeros
#        ^^ constant.character.escape.routeros
#           ^^ constant.character.escape.routeros
#              ^^ constant.character.escape.routeros
#                 ^^ constant.character.escape.routeros
#                    ^^ constant.character.escape.routeros - variable.other.interpolated.routeros
#                       ^^ constant.character.escape.routeros
#                          ^^ constant.character.escape.routeros
#                             ^^ constant.character.escape.routeros
#                                ^^ constant.character.escape.routeros
#                                   ^^ constant.character.escape.routeros
# \XX takes two upper-case hex digits.
:put "\48\45\4C\4C\4F \0A \FF"
#     ^^^ constant.character.escape.hex.routeros
#           ^^^ constant.character.escape.hex.routeros
#                     ^^^ constant.character.escape.hex.routeros
#                         ^^^ constant.character.escape.hex.routeros
# Invalid escapes: unknown letters, lower-case hex.
:put "\q \4c \x41 \G"
#     ^^ string.quoted.double.routeros invalid.illegal.escape.routeros
#        ^^ invalid.illegal.escape.routeros
#          ^^ string.quoted.double.routeros - invalid.illegal.escape.routeros
#            ^^ invalid.illegal.escape.routeros
#                 ^^ invalid.illegal.escape.routeros
# \? is an escape for ?: the manual says it was removed in 7.1rc2, RouterOS 7.22.1 still compiles it to `?`.
:put "a\?"
#      ^^ constant.character.escape.routeros
# A backslash at the end of a line continues the string.
:local m "first \
#               ^ string.quoted.double.routeros constant.character.escape.line-continuation.routeros
    second"
#   ^^^^^^ string.quoted.double.routeros
#         ^ punctuation.definition.string.end.routeros
# Interpolation of variables.
:put "a $name b $1 c"
#       ^ punctuation.definition.variable.routeros
#       ^^^^^ string.quoted.double.routeros variable.other.interpolated.routeros
#            ^^^ string.quoted.double.routeros - variable.other.interpolated.routeros
#               ^^ variable.other.interpolated.routeros
:put "v=$\"my-var\"!"
#       ^^^^^^^^^^^ variable.other.interpolated.routeros
#        ^^ punctuation.definition.variable.begin.routeros
#                  ^ string.quoted.double.routeros - variable.other.interpolated.routeros
:put "price: 5$ only"
#             ^^ string.quoted.double.routeros - variable.other.interpolated.routeros
# Command substitution inside a string, with nested commands highlighted.
:put "size: $[:len $message] bytes"
#           ^^ string.quoted.double.routeros meta.interpolation.routeros punctuation.definition.template-expression.begin.routeros
#             ^^^^ meta.embedded.line.routeros support.function.builtin.routeros
#                  ^^^^^^^^ meta.embedded.line.routeros variable.other.routeros
#                          ^ punctuation.definition.template-expression.end.routeros
#                           ^^^^^^ string.quoted.double.routeros - meta.interpolation.routeros
:log info "id=$[/system identity get name] up=$[/system resource get uptime]"
#               ^^^^^^^ meta.interpolation.routeros meta.command.routeros
#                       ^^^^^^^^ entity.name.namespace.menu.routeros
#                                ^^^ entity.name.function.command.routeros
#                                                                    ^^^^^^ string.unquoted.routeros
#                                         ^^^^ string.quoted.double.routeros - meta.interpolation.routeros
:put "nested $[:pick [:tostr "a$[:len "xy"]"] 0 1] end"
#              ^^^^^ meta.embedded.line.routeros support.function.builtin.routeros
#                    ^^^^^^^ meta.substitution.routeros
#                            ^^ meta.interpolation.routeros meta.substitution.routeros string.quoted.double.routeros
#                                ^^^^ meta.interpolation.routeros meta.embedded.line.routeros meta.substitution.routeros string.quoted.double.routeros meta.interpolation.routeros meta.embedded.line.routeros support.function.builtin.routeros
#                                     ^^^^ string.quoted.double.routeros string.quoted.double.routeros string.quoted.double.routeros
#                                                 ^^^^ string.quoted.double.routeros - meta.interpolation.routeros
# Expressions inside a string.
:put "5x6 = $($a * $b)"
#           ^^ punctuation.definition.template-expression.begin.routeros
#             ^^ meta.embedded.line.routeros variable.other.routeros
#                ^ meta.embedded.line.routeros keyword.operator.arithmetic.routeros
#                    ^ punctuation.definition.template-expression.end.routeros
:put "q=$(\"x\" . $y)"
#         ^^^^^ string.quoted.double.escaped.routeros
#               ^ keyword.operator.concatenation.routeros
# Braces and # are plain text inside strings.
:log info "Got data {$msgData} # not a comment"
#                   ^ string.quoted.double.routeros - meta.block.routeros
#                    ^^^^^^^^ variable.other.interpolated.routeros
#                              ^^^^^^^^^^^^^^^ string.quoted.double.routeros - comment.line.number-sign.routeros
# The string ends where it should: what follows is code again.
:put ("a" . "b"); :put 1
#         ^ keyword.operator.concatenation.routeros
#                 ^^^^ support.function.builtin.routeros
