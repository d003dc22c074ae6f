# SYNTAX TEST "source.routeros" "variable declarations, assignment targets and loop counters"
:local broker "AWS"
#      ^^^^^^ variable.other.declaration.routeros
#             ^^^^^ string.quoted.double.routeros
:global counter
#       ^^^^^^^ variable.other.declaration.routeros
:global "my-var" 5
#       ^^^^^^^^ variable.other.declaration.routeros
#       ^ punctuation.definition.variable.begin.routeros
#              ^ punctuation.definition.variable.end.routeros
#                ^ constant.numeric.integer.decimal.routeros
:local a; :local b
#      ^ variable.other.declaration.routeros
#       ^ punctuation.terminator.statement.routeros
#                ^ variable.other.declaration.routeros
:local message \
    "text"
#   ^^^^^^ string.quoted.double.routeros - variable.other.declaration.routeros
:global f do={ :return ($a + $b) }
#       ^ variable.other.declaration.routeros
#         ^^ entity.other.attribute-name.routeros
:set counter ($counter + 1)
#    ^^^^^^^ variable.other.routeros - variable.other.declaration.routeros
:set "my-var" 6
#    ^^^^^^^^ variable.other.routeros
:set ($arr->"k") 3
#    ^ punctuation.section.parens.begin.routeros
#     ^^^^ variable.other.routeros
#         ^^ keyword.operator.accessor.routeros
:for i from=1 to=10 step=2 do={}
#    ^ variable.other.declaration.routeros
#      ^^^^ entity.other.attribute-name.routeros
#           ^ constant.numeric.integer.decimal.routeros
#             ^^ entity.other.attribute-name.routeros
#                   ^^^^ entity.other.attribute-name.routeros
:foreach k,v in=$arr do={ :put "$k=$v" }
#        ^ variable.other.declaration.routeros
#         ^ punctuation.separator.comma.routeros
#          ^ variable.other.declaration.routeros
#            ^^ entity.other.attribute-name.routeros - keyword.operator.wordlike.in.routeros
#               ^^^^ variable.other.routeros
:foreach item in=[/interface find] do={}
#        ^^^^ variable.other.declaration.routeros
:onerror e in={ :error "boom" } do={ :put $e }
#        ^ variable.other.declaration.routeros
#          ^^ entity.other.attribute-name.routeros
#                                         ^^ variable.other.routeros
:onerror err {
#        ^^^ variable.other.declaration.routeros
    :retry command={ /tool fetch url="http://x" } delay=1 max=3
#    ^^^^^ keyword.control.exception.routeros
#          ^^^^^^^ entity.other.attribute-name.routeros
#                                                 ^^^^^ entity.other.attribute-name.routeros
} do={ :log warning $err }
# <- punctuation.section.block.end.routeros
# ^^ entity.other.attribute-name.routeros
