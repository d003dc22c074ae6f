# SYNTAX TEST "source.routeros" "line continuation with a trailing backslash"
/ip firewall filter add chain=input \
#                                   ^ punctuation.separator.continuation.routeros
    action=accept comment="x"
#   ^^^^^^ meta.command.routeros entity.other.attribute-name.routeros
#          ^^^^^^ string.unquoted.routeros
#                 ^^^^^^^ entity.other.attribute-name.routeros
/system script run \
    my-script
#   ^^^^^^^^^ meta.command.routeros string.unquoted.routeros - entity.name.namespace.menu.routeros
add action=accept comment=\
#                         ^ punctuation.separator.continuation.routeros
    "defconf: accept"
#   ^^^^^^^^^^^^^^^^^ meta.command.routeros string.quoted.double.routeros
:local x [/system package get value-name=version \
    [/system package find where name~"^routeros"]]
#    ^ meta.substitution.routeros meta.substitution.routeros punctuation.separator.path.routeros
#                                                ^ meta.substitution.routeros punctuation.section.brackets.end.routeros
:put 1
# <- meta.command.global.routeros support.function.builtin.routeros punctuation.definition.command.routeros
:put 1 \ 2
#      ^ invalid.illegal.backslash.routeros
:put (1 + \
#         ^ meta.expression.routeros punctuation.separator.continuation.routeros
  2)
# ^ meta.expression.routeros constant.numeric.integer.decimal.routeros
:put "one \
#         ^ string.quoted.double.routeros constant.character.escape.line-continuation.routeros
two"
# <--- string.quoted.double.routeros
#  ^ punctuation.definition.string.end.routeros
/interface bridge
# <- meta.command.routeros punctuation.separator.path.routeros
