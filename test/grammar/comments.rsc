# SYNTAX TEST "source.routeros" "comments: # to end of line, only where a token starts"
# jan/02/1970 00:05:18 by RouterOS 7.14
# <- comment.line.number-sign.routeros punctuation.definition.comment.routeros
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.routeros
# keywords stay comments: :if do while :put in and or yes 10.0.0.1 $var "str" /ip add
# ^^^^^^^^^^^^^ comment.line.number-sign.routeros
#                         ^^^ comment.line.number-sign.routeros - keyword.control.conditional.routeros support.function.builtin.routeros
#                             ^^ comment.line.number-sign.routeros - keyword.control.loop.routeros
#                                ^^^^^ comment.line.number-sign.routeros - keyword.control.loop.routeros
#                                      ^^^^ comment.line.number-sign.routeros - support.function.builtin.routeros
#                                          ^^^^ comment.line.number-sign.routeros - keyword.operator.wordlike.in.routeros
#                                              ^^^ comment.line.number-sign.routeros - keyword.operator.wordlike.logical.routeros
#                                                     ^^^ comment.line.number-sign.routeros - constant.language.boolean.routeros
#                                                         ^^^^^^^^ comment.line.number-sign.routeros - constant.numeric.ipv4.routeros
#                                                                  ^^^^ comment.line.number-sign.routeros - variable.other.routeros
#                                                                       ^^^^^ comment.line.number-sign.routeros - string.quoted.double.routeros
#                                                                             ^^^^^^^ comment.line.number-sign.routeros - entity.name.namespace.menu.routeros entity.name.function.command.routeros
    # indented comment
#   ^ comment.line.number-sign.routeros punctuation.definition.comment.routeros
:global a; # after a semicolon
#          ^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.routeros
:put "x"   # after a command
#          ^^^^^^^^^^^^^^^^^ comment.line.number-sign.routeros
:put "# not a comment inside a string"
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.routeros - comment.line.number-sign.routeros
/ip firewall filter add comment="a#b" chain=forward
#                                 ^ string.quoted.double.routeros - comment.line.number-sign.routeros
#                                     ^^^^^ entity.other.attribute-name.routeros
:put abc#def
#    ^^^^^^^ string.unquoted.routeros - comment.line.number-sign.routeros
:if (true) do={ # a comment inside a block
#               ^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.block.routeros comment.line.number-sign.routeros
  :put 1
# ^^^^ support.function.builtin.routeros
}
# <- punctuation.section.block.end.routeros
#########################################
# <----------------------------------------- comment.line.number-sign.routeros
