# SYNTAX TEST "source.routeros" "control flow: if/else, loops, error handling, functions, blocks over several lines"
:if ($cpu > 80) do={
# <--- keyword.control.conditional.routeros
#               ^^ entity.other.attribute-name.routeros
#                  ^ meta.block.routeros punctuation.section.block.begin.routeros
    :log warning "CPU high: $cpu%"
#   ^^^^ meta.block.routeros support.function.builtin.routeros
#                           ^^^^ variable.other.interpolated.routeros
} else={
# <- punctuation.section.block.end.routeros
# ^^^^ meta.command.global.routeros entity.other.attribute-name.routeros
    :if ([:typeof $g] = "nothing") do={ :set g 0 }
#   ^^^ meta.block.routeros keyword.control.conditional.routeros
#         ^^^^^^^ meta.substitution.routeros support.function.builtin.routeros
#                     ^ keyword.operator.comparison.routeros
#                                       ^^^^ keyword.other.assignment.routeros
#                                            ^ variable.other.routeros
}
# <- meta.command.global.routeros meta.block.routeros punctuation.section.block.end.routeros
:put "after"
# <---- support.function.builtin.routeros - meta.block.routeros
:local i 0
#      ^ variable.other.declaration.routeros
:while ($i < 10) do={
# <------ keyword.control.loop.routeros
    :set i ($i + 1)
#        ^ variable.other.routeros
    :if ($i = 5) do={ :continue }
#                     ^^^^^^^^^ keyword.control.flow.routeros
    :if ($i = 8) do={ :break }
#                     ^^^^^^ keyword.control.flow.routeros
}
# <- punctuation.section.block.end.routeros
:do {
# <--- keyword.control.loop.routeros
    /tool fetch url="http://example.com" output=none
#         ^^^^^ meta.block.routeros entity.name.function.command.routeros
#                                               ^^^^ string.unquoted.routeros
} on-error={ :log error "fetch failed" }
# ^^^^^^^^ entity.other.attribute-name.routeros
#            ^^^^ support.function.builtin.routeros
#                 ^^^^^ string.unquoted.routeros - keyword.control.exception.routeros
:do { :set i ($i - 1) } while=($i > 0)
#                       ^^^^^ entity.other.attribute-name.routeros - keyword.control.loop.routeros
#                             ^ meta.expression.routeros
:if ([:onerror e in={ :resolve "no.such.host" } do={ :put $e }]) do={ :exit }
#     ^^^^^^^^ keyword.control.exception.routeros
#              ^ variable.other.declaration.routeros
#                     ^^^^^^^^ support.function.builtin.routeros
#                                                                     ^^^^^ keyword.control.flow.routeros
:global add do={
#       ^^^ variable.other.declaration.routeros
#           ^^ entity.other.attribute-name.routeros
    :return ($a + $b)
#   ^^^^^^^ keyword.control.flow.routeros
}
# <- punctuation.section.block.end.routeros
:put [$add a=1 b=2]
#     ^^^^ variable.other.routeros
:local code [:parse ":put hello"]
#            ^^^^^^ support.function.builtin.routeros
#                   ^^^^^^^^^^^^ string.quoted.double.routeros
:foreach e in=[/system health print as-value] do={
#        ^ variable.other.declaration.routeros
#                      ^^^^^^ entity.name.namespace.menu.routeros
#                             ^^^^^ entity.name.function.command.routeros
#                                   ^^^^^^^^ entity.other.attribute-name.switch.routeros
    :if (($e->"name") = "temperature") do={ :put ($e->"value") }
#           ^^ keyword.operator.accessor.routeros
#             ^^^^^^ string.quoted.double.routeros
}
# <- punctuation.section.block.end.routeros
/interface monitor-traffic ether1 once do={ :put $"rx-bits-per-second" }
#          ^^^^^^^^^^^^^^^ entity.name.function.command.routeros
#                          ^^^^^^ string.unquoted.routeros
#                                 ^^^^ entity.other.attribute-name.switch.routeros
#                                                ^^^^^^^^^^^^^^^^^^^^^ meta.block.routeros variable.other.routeros
