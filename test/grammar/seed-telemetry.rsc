# SYNTAX TEST "source.routeros" "the system-telemetry script of the MikroTik /iot mqtt manual"
# Required packages: iot
# <------------------------ comment.line.number-sign.routeros

################################ Configuration ################################
# <---------------------------------------------- comment.line.number-sign.routeros
# Name of an existing MQTT broker that should be used for publishing
:local broker "AWS"
# <------ storage.type.variable.routeros
#      ^^^^^^ variable.other.declaration.routeros
#             ^^^^^ string.quoted.double.routeros

# MQTT topic where the message should be published
:local topic "my/test/topic"
#      ^^^^^ variable.other.declaration.routeros
#            ^^^^^^^^^^^^^^^ string.quoted.double.routeros

#################################### System ###################################
:put ("[*] Gathering system info...")
# <---- support.function.builtin.routeros
#    ^ punctuation.section.parens.begin.routeros
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.expression.routeros string.quoted.double.routeros
:local cpuLoad [/system resource get cpu-load]
#      ^^^^^^^ variable.other.declaration.routeros
#              ^ punctuation.section.brackets.begin.routeros
#                ^^^^^^ entity.name.namespace.menu.routeros
#                       ^^^^^^^^ entity.name.namespace.menu.routeros
#                                ^^^ entity.name.function.command.routeros
#                                    ^^^^^^^^ string.unquoted.routeros
:local freeMemory [/system resource get free-memory]
#      ^^^^^^^^^^ variable.other.declaration.routeros
#                                       ^^^^^^^^^^^ string.unquoted.routeros
:local usedMemory ([/system resource get total-memory] - $freeMemory)
#      ^^^^^^^^^^ variable.other.declaration.routeros
#                                        ^^^^^^^^^^^^ meta.expression.routeros meta.substitution.routeros string.unquoted.routeros
#                                                     ^^^ meta.expression.routeros
#                                                      ^ keyword.operator.arithmetic.routeros
#                                                        ^^^^^^^^^^^ variable.other.routeros
:local rosVersion [/system package get value-name=version \
#      ^^^^^^^^^^ variable.other.declaration.routeros
#                          ^^^^^^^ entity.name.namespace.menu.routeros
#                                      ^^^^^^^^^^ entity.other.attribute-name.routeros
#                                                 ^^^^^^^ string.unquoted.routeros
#                                                         ^ punctuation.separator.continuation.routeros
    [/system package find where name ~ "^routeros"]]
#   ^ meta.substitution.routeros meta.substitution.routeros
#                    ^^^^ entity.name.function.command.routeros
#                         ^^^^^ keyword.other.where.routeros
#                               ^^^^ variable.other.property.routeros
#                                    ^ keyword.operator.match.routeros
#                                      ^^^^^^^^^^^ string.quoted.double.routeros
#                                                 ^^ meta.command.global.routeros meta.substitution.routeros punctuation.section.brackets.end.routeros
:local model [/system routerboard get value-name=model]
#      ^^^^^ variable.other.declaration.routeros
#                     ^^^^^^^^^^^ entity.name.namespace.menu.routeros
#                                                ^^^^^ string.unquoted.routeros
:local serialNumber [/system routerboard get value-name=serial-number]
#      ^^^^^^^^^^^^ variable.other.declaration.routeros
#                                                       ^^^^^^^^^^^^^ string.unquoted.routeros
:local upTime [/system resource get uptime]
#      ^^^^^^ variable.other.declaration.routeros
#                                   ^^^^^^ string.unquoted.routeros

#################################### MQTT #####################################
#                                    ^^^^ comment.line.number-sign.routeros
:local message \
#      ^^^^^^^ variable.other.declaration.routeros
#              ^ punctuation.separator.continuation.routeros
    "{\"model\":\"$model\",\
#   ^ punctuation.definition.string.begin.routeros
#    ^ string.quoted.double.routeros - meta.block.routeros
#     ^^ constant.character.escape.routeros
#       ^^^^^ string.quoted.double.routeros
#                 ^^^^^^ variable.other.interpolated.routeros
#                          ^ string.quoted.double.routeros constant.character.escape.line-continuation.routeros
                \"sn\":\"$serialNumber\",\
#               ^^ string.quoted.double.routeros constant.character.escape.routeros
#                        ^^^^^^^^^^^^^ variable.other.interpolated.routeros
                \"ros\":\"$rosVersion\",\
#                         ^^^^^^^^^^^ variable.other.interpolated.routeros
                \"cpu\":$cpuLoad,\
#                       ^^^^^^^^ variable.other.interpolated.routeros
#                               ^ string.quoted.double.routeros - punctuation.separator.comma.routeros
                \"umem\":$usedMemory,\
#                        ^^^^^^^^^^^ variable.other.interpolated.routeros
                \"fmem\":$freeMemory,\
#                        ^^^^^^^^^^^ variable.other.interpolated.routeros
                \"uptime\":\"$upTime\"}"
#                            ^^^^^^^ variable.other.interpolated.routeros
#                                     ^ string.quoted.double.routeros - meta.block.routeros punctuation.section.block.end.routeros
#                                      ^ punctuation.definition.string.end.routeros

:log info "$message";
# <---- support.function.builtin.routeros
#    ^^^^ string.unquoted.routeros
#          ^^^^^^^^ string.quoted.double.routeros variable.other.interpolated.routeros
#                   ^ punctuation.terminator.statement.routeros
:put ("[*] Total message size: $[:len $message] bytes")
#                              ^^ meta.interpolation.routeros punctuation.definition.template-expression.begin.routeros
#                                ^^^^ meta.embedded.line.routeros support.function.builtin.routeros
#                                     ^^^^^^^^ variable.other.routeros
#                                             ^ punctuation.definition.template-expression.end.routeros
#                                              ^^^^^^ string.quoted.double.routeros
:put ("[*] Sending message to MQTT broker...")
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.routeros
/iot mqtt publish broker=$broker topic=$topic message=$message
# <- punctuation.separator.path.routeros
#^^^ entity.name.namespace.menu.routeros
#    ^^^^ entity.name.namespace.menu.routeros
#         ^^^^^^^ entity.name.function.command.routeros
#                 ^^^^^^ entity.other.attribute-name.routeros
#                        ^^^^^^^ variable.other.routeros
#                                ^^^^^ entity.other.attribute-name.routeros
#                                      ^^^^^^ variable.other.routeros
#                                             ^^^^^^^ entity.other.attribute-name.routeros
#                                                     ^^^^^^^^ variable.other.routeros
:put ("[*] Done")
#     ^^^^^^^^^^ string.quoted.double.routeros

# The interactive publish of the same page.
/iot mqtt publish broker=AWS topic=my/test/topic message="{\"temperature\":15}"
#                        ^^^ string.unquoted.routeros
#                                  ^^^^^^^^^^^^^ string.unquoted.routeros
#                                                        ^ punctuation.definition.string.begin.routeros
#                                                          ^^ constant.character.escape.routeros
#                                                                          ^^^ string.quoted.double.routeros - constant.numeric.integer.decimal.routeros
