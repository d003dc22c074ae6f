# SYNTAX TEST "source.routeros" "operators, brackets and separators"
:put (1 + 2 - 3 * 4 / 5 % 6)
#       ^ keyword.operator.arithmetic.routeros
#           ^ keyword.operator.arithmetic.routeros
#               ^ keyword.operator.arithmetic.routeros
#                   ^ keyword.operator.arithmetic.routeros
#                       ^ keyword.operator.arithmetic.routeros
:put ($a < 1 || $a > 2 && $a <= 3 || $a >= 4 || $a = 5 || $a != 6)
#        ^ keyword.operator.comparison.routeros
#            ^^ keyword.operator.logical.routeros
#                  ^ keyword.operator.comparison.routeros
#                      ^^ keyword.operator.logical.routeros
#                            ^^ keyword.operator.comparison.routeros
#                                       ^^ keyword.operator.comparison.routeros
#                                                  ^ keyword.operator.comparison.routeros
#                                                            ^^ keyword.operator.comparison.routeros
:put (!$a and $b or not $c)
#     ^ keyword.operator.logical.routeros
#         ^^^ keyword.operator.wordlike.logical.routeros
#                ^^ keyword.operator.wordlike.logical.routeros
#                   ^^^ keyword.operator.wordlike.logical.routeros
:put (10.0.0.1 in 10.0.0.0/8)
#              ^^ keyword.operator.wordlike.in.routeros
:put (~$m | 1 ^ 2 & 3 << 4 >> 5)
#     ^ keyword.operator.match.routeros
#         ^ keyword.operator.bitwise.routeros
#             ^ keyword.operator.bitwise.routeros
#                 ^ keyword.operator.bitwise.routeros
#                     ^^ keyword.operator.bitwise.routeros
#                          ^^ keyword.operator.bitwise.routeros
:put ($name ~ "^ether")
#           ^ keyword.operator.match.routeros
:put ("a" . $b, 5)
#         ^ keyword.operator.concatenation.routeros
#             ^ punctuation.separator.comma.routeros
:put ($a->"k")
#       ^^ keyword.operator.accessor.routeros - keyword.operator.arithmetic.routeros keyword.operator.comparison.routeros
:put ($f <%% {1;2})
#        ^^^ keyword.operator.apply.routeros
# Brackets and separators.
:if (true) do={ :put [:len "x"]; :put 2 }
#   ^ punctuation.section.parens.begin.routeros
#        ^ punctuation.section.parens.end.routeros
#             ^ punctuation.section.block.begin.routeros
#                    ^ punctuation.section.brackets.begin.routeros
#                             ^ punctuation.section.brackets.end.routeros
#                              ^ punctuation.terminator.statement.routeros
#                                       ^ punctuation.section.block.end.routeros
:local arr {1;2;a=3;"Key"=4}
#          ^ meta.block.routeros punctuation.section.block.begin.routeros
#            ^ punctuation.terminator.statement.routeros
#               ^ entity.other.attribute-name.routeros
#                   ^^^^^ string.quoted.double.routeros
# Stray closing brackets are marked.
}
# <- invalid.illegal.stray-bracket.routeros
:put 1 )
#      ^ invalid.illegal.stray-bracket.routeros
