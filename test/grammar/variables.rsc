# SYNTAX TEST "source.routeros" "variables: plain, quoted and numbered names, function calls"
:put $counter
#    ^ punctuation.definition.variable.routeros
#    ^^^^^^^^ variable.other.routeros
:put $"rx-bits-per-second"
#    ^^^^^^^^^^^^^^^^^^^^^ variable.other.routeros
#     ^ punctuation.definition.variable.begin.routeros
#                        ^ punctuation.definition.variable.end.routeros
:return ($1 + $2)
#        ^^ variable.other.routeros
#             ^^ variable.other.routeros
# A variable name stops at the first character that cannot be in a name.
:put ($a-$b)
#     ^^ variable.other.routeros
#       ^ keyword.operator.arithmetic.routeros
#        ^^ variable.other.routeros
:put $list->0
#    ^^^^^ variable.other.routeros
#         ^^ keyword.operator.accessor.routeros
#           ^ constant.numeric.integer.decimal.routeros
:put ($arr->"key"->1)
#     ^^^^ variable.other.routeros
#         ^^ keyword.operator.accessor.routeros
#           ^^^^^ string.quoted.double.routeros
#                ^^ keyword.operator.accessor.routeros
# Calling a function stored in a variable.
$f a=1 "pos" 2
# <-- meta.command.call.routeros variable.other.routeros
#  ^ entity.other.attribute-name.routeros
#      ^^^^^ string.quoted.double.routeros
#            ^ constant.numeric.integer.decimal.routeros
:put [$f a=6 b=2]
#     ^^ meta.substitution.routeros meta.command.call.routeros variable.other.routeros
#            ^ entity.other.attribute-name.routeros
$"my-func" x=1
# <---------- variable.other.routeros
#          ^ entity.other.attribute-name.routeros
# $( ) outside strings (GPS example).
:put $("latitude")
#    ^^ meta.variable.expression.routeros punctuation.definition.variable.begin.routeros
#      ^^^^^^^^^^ string.quoted.double.routeros
# Caller-provided variables in on-message scripts.
:log info "topic=$msgTopic data=$msgData"
#                ^^^^^^^^^ variable.other.interpolated.routeros
#                               ^^^^^^^^ variable.other.interpolated.routeros
