# SYNTAX TEST "source.routeros" "RouterOS /export output: menu lines, add/set lines, continued lines"
# 2024-05-01 12:00:00 by RouterOS 7.14.3
# <---------------------------------------- comment.line.number-sign.routeros
# software id = ABCD-EFGH
# ^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.routeros - keyword.operator.comparison.routeros
#
# model = RB5009UG+S+
# ^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.routeros
/interface bridge
# <- meta.command.routeros punctuation.separator.path.routeros
#^^^^^^^^^ entity.name.namespace.menu.routeros
#          ^^^^^^ entity.name.namespace.menu.routeros - entity.name.function.command.routeros
add admin-mac=48:A9:8A:00:00:01 auto-mac=no comment=defconf name=bridge
# <--- entity.name.function.command.routeros
#   ^^^^^^^^^ entity.other.attribute-name.routeros
#             ^^^^^^^^^^^^^^^^^ constant.numeric.mac-address.routeros
#                                        ^^ constant.language.boolean.routeros
#                                                   ^^^^^^^ string.unquoted.routeros
#                                                                ^^^^^^ string.unquoted.routeros
/interface ethernet
#          ^^^^^^^^ entity.name.namespace.menu.routeros
set [ find default-name=ether1 ] comment=WAN
# <--- entity.name.function.command.routeros
#     ^^^^ meta.substitution.routeros entity.name.function.command.routeros
#          ^^^^^^^^^^^^ entity.other.attribute-name.routeros
#                       ^^^^^^ string.unquoted.routeros
#                                ^^^^^^^ entity.other.attribute-name.routeros
#                                        ^^^ string.unquoted.routeros
/interface list
#          ^^^^ entity.name.namespace.menu.routeros
add comment=defconf name=WAN
# <--- entity.name.function.command.routeros
/ip pool
#   ^^^^ entity.name.namespace.menu.routeros
add name=default-dhcp ranges=192.168.88.10-192.168.88.254
#        ^^^^^^^^^^^^ string.unquoted.routeros
#                            ^^^^^^^^^^^^^ constant.numeric.ipv4.routeros
#                                         ^ keyword.operator.range.routeros
#                                          ^^^^^^^^^^^^^^ constant.numeric.ipv4.routeros
/interface bridge port
#                 ^^^^ entity.name.namespace.menu.routeros - entity.name.function.command.routeros
add bridge=bridge comment=defconf interface=ether2
#   ^^^^^^ entity.other.attribute-name.routeros
#                                 ^^^^^^^^^ entity.other.attribute-name.routeros
/ip neighbor discovery-settings
#            ^^^^^^^^^^^^^^^^^^ entity.name.namespace.menu.routeros
set discover-interface-list=LAN
# <--- entity.name.function.command.routeros
#   ^^^^^^^^^^^^^^^^^^^^^^^ entity.other.attribute-name.routeros
/ip address
#   ^^^^^^^ entity.name.namespace.menu.routeros
add address=192.168.88.1/24 comment=defconf interface=bridge network=\
#           ^^^^^^^^^^^^^^^ constant.numeric.ipv4-prefix.routeros
#                                                            ^^^^^^^ entity.other.attribute-name.routeros
#                                                                    ^ punctuation.separator.continuation.routeros
    192.168.88.0
#   ^^^^^^^^^^^^ meta.command.routeros constant.numeric.ipv4.routeros
/ip dns static
#   ^^^ entity.name.namespace.menu.routeros
#       ^^^^^^ entity.name.namespace.menu.routeros
add address=192.168.88.1 comment=defconf name=router.lan type=A
#                                             ^^^^^^^^^^ string.unquoted.routeros
#                                                             ^ string.unquoted.routeros
/ip firewall filter
#            ^^^^^^ entity.name.namespace.menu.routeros
add action=accept chain=input comment=\
#                             ^^^^^^^ entity.other.attribute-name.routeros
#                                     ^ punctuation.separator.continuation.routeros
    "defconf: accept established,related,untracked" connection-state=\
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.command.routeros string.quoted.double.routeros
#                                                   ^^^^^^^^^^^^^^^^ entity.other.attribute-name.routeros
#                                                                    ^ punctuation.separator.continuation.routeros
    established,related,untracked
#   ^^^^^^^^^^^ meta.command.routeros string.unquoted.routeros
#              ^ punctuation.separator.comma.routeros
#                       ^^^^^^^^^ string.unquoted.routeros
add action=drop chain=input comment="defconf: drop all not coming from LAN" \
# <--- entity.name.function.command.routeros
#                                                                           ^ punctuation.separator.continuation.routeros
    in-interface-list=!LAN
#   ^^^^^^^^^^^^^^^^^ meta.command.routeros entity.other.attribute-name.routeros
#                     ^ keyword.operator.logical.negation.routeros
/ip firewall nat
#            ^^^ entity.name.namespace.menu.routeros
add action=masquerade chain=srcnat comment="defconf: masquerade" \
#          ^^^^^^^^^^ string.unquoted.routeros
    ipsec-policy=out,none out-interface-list=WAN
#   ^^^^^^^^^^^^ entity.other.attribute-name.routeros
#                ^^^ string.unquoted.routeros
#                    ^^^^ string.unquoted.routeros
#                         ^^^^^^^^^^^^^^^^^^ entity.other.attribute-name.routeros
/iot mqtt brokers
#^^^ entity.name.namespace.menu.routeros
#    ^^^^ entity.name.namespace.menu.routeros
#         ^^^^^^^ entity.name.namespace.menu.routeros
add address=broker.example.com name=local port=1883
#           ^^^^^^^^^^^^^^^^^^ string.unquoted.routeros
#                                   ^^^^^ string.unquoted.routeros - storage.type.variable.routeros
#                                              ^^^^ constant.numeric.integer.decimal.routeros
/system clock
#       ^^^^^ entity.name.namespace.menu.routeros
set time-zone-name=Europe/Riga
#                  ^^^^^^^^^^^ string.unquoted.routeros
/system scheduler
#       ^^^^^^^^^ entity.name.namespace.menu.routeros
add interval=1m name=telemetry on-event="/system script run telemetry" \
#            ^^ constant.numeric.time.routeros
#                              ^^^^^^^^ entity.other.attribute-name.routeros
#                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.routeros
    policy=ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon \
#   ^^^^^^ entity.other.attribute-name.routeros
#          ^^^ string.unquoted.routeros
#              ^^^^^^ string.unquoted.routeros
#                                            ^^^^^^^^ string.unquoted.routeros
#                                                                           ^ punctuation.separator.continuation.routeros
    start-time=startup
#   ^^^^^^^^^^ meta.command.routeros entity.other.attribute-name.routeros
#              ^^^^^^^ string.unquoted.routeros
/system script
#       ^^^^^^ entity.name.namespace.menu.routeros
add dont-require-permissions=no name=telemetry owner=admin policy=\
#   ^^^^^^^^^^^^^^^^^^^^^^^^ entity.other.attribute-name.routeros
#                                                                 ^ punctuation.separator.continuation.routeros
    ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon source=":\
#                                                                    ^^^^^^ entity.other.attribute-name.routeros
#                                                                           ^ punctuation.definition.string.begin.routeros
#                                                                             ^ string.quoted.double.routeros constant.character.escape.line-continuation.routeros
    local broker \"local\"\r\
#   ^^^^^^^^^^^^ string.quoted.double.routeros - storage.type.variable.routeros
#                ^^ constant.character.escape.routeros
#                         ^^ constant.character.escape.routeros
    \n:put [/system identity get name]"
#   ^^ constant.character.escape.routeros
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.routeros - meta.substitution.routeros support.function.builtin.routeros
#                                     ^ punctuation.definition.string.end.routeros
/tool mac-server
#^^^^ entity.name.namespace.menu.routeros
#     ^^^^^^^^^^ entity.name.namespace.menu.routeros
set allowed-interface-list=LAN
# <--- entity.name.function.command.routeros
