# SYNTAX TEST "source.routeros" "command paths: absolute, slash form, relative, .., menu-only lines"
/ip firewall filter add chain=forward
# <- meta.command.routeros punctuation.separator.path.routeros
#^^ entity.name.namespace.menu.routeros
#   ^^^^^^^^ entity.name.namespace.menu.routeros
#            ^^^^^^ entity.name.namespace.menu.routeros
#                   ^^^ entity.name.function.command.routeros
#                       ^^^^^ entity.other.attribute-name.routeros
/ip/firewall/filter/print
# <- punctuation.separator.path.routeros
#^^ entity.name.namespace.menu.routeros
#  ^ punctuation.separator.path.routeros
#   ^^^^^^^^ entity.name.namespace.menu.routeros
#           ^ punctuation.separator.path.routeros
#            ^^^^^^ entity.name.namespace.menu.routeros
#                  ^ punctuation.separator.path.routeros
#                   ^^^^^ entity.name.function.command.routeros
/interface bridge
#^^^^^^^^^ entity.name.namespace.menu.routeros
#          ^^^^^^ entity.name.namespace.menu.routeros - entity.name.function.command.routeros
add name=bridge1
# <--- meta.command.routeros entity.name.function.command.routeros
#   ^^^^ entity.other.attribute-name.routeros
#        ^^^^^^^ string.unquoted.routeros
/iot/mqtt/brokers
#^^^^^^^^^^^^^^^^ - entity.name.function.command.routeros
#         ^^^^^^^ entity.name.namespace.menu.routeros
/
# <- meta.command.routeros punctuation.separator.path.routeros
..
# <-- entity.name.namespace.parent.routeros
../service-port/print
# <-- entity.name.namespace.parent.routeros
# ^ punctuation.separator.path.routeros
#  ^^^^^^^^^^^^ entity.name.namespace.menu.routeros
#              ^ punctuation.separator.path.routeros
#               ^^^^^ entity.name.function.command.routeros
ip address print
# <-- entity.name.namespace.menu.routeros
#  ^^^^^^^ entity.name.namespace.menu.routeros
#          ^^^^^ entity.name.function.command.routeros
/interface 6to4 add name=t
#          ^^^^ entity.name.namespace.menu.routeros
#               ^^^ entity.name.function.command.routeros
/system reboot
#       ^^^^^^ entity.name.function.command.routeros
/ping 10.0.0.1 count=3
#^^^^ entity.name.function.command.routeros
#     ^^^^^^^^ constant.numeric.ipv4.routeros
/system resource get cpu-load
#^^^^^^ entity.name.namespace.menu.routeros
#       ^^^^^^^^ entity.name.namespace.menu.routeros
#                ^^^ entity.name.function.command.routeros
#                    ^^^^^^^^ string.unquoted.routeros
/iot mqtt publish broker=AWS topic=my/test/topic
#         ^^^^^^^ entity.name.function.command.routeros
#                                  ^^^^^^^^^^^^^ string.unquoted.routeros - keyword.operator.arithmetic.routeros
# Names that are both a menu and a command: a menu when alone or before another command.
/system package update
#               ^^^^^^ entity.name.namespace.menu.routeros
/system package update check-for-updates
#               ^^^^^^ entity.name.namespace.menu.routeros
#                      ^^^^^^^^^^^^^^^^^ entity.name.function.command.routeros
/ip/hotspot/user/profile/add name=p
#                ^^^^^^^ entity.name.namespace.menu.routeros
#                        ^^^ entity.name.function.command.routeros
/tool sniffer
#     ^^^^^^^ entity.name.namespace.menu.routeros
/tool sniffer quick
#     ^^^^^^^ entity.name.namespace.menu.routeros
#             ^^^^^ entity.name.function.command.routeros
# An unlisted word is a command when arguments follow it.
/my menu frobnicate level=3
#^^ entity.name.namespace.menu.routeros
#   ^^^^ entity.name.namespace.menu.routeros
#        ^^^^^^^^^^ entity.name.function.command.routeros
/my menu frobnicate [find]
#        ^^^^^^^^^^ entity.name.function.command.routeros
/my menu frobnicate "x"
#        ^^^^^^^^^^ entity.name.function.command.routeros
/interface ethernet set [ find default-name=ether1 ] comment=x
#                   ^^^ entity.name.function.command.routeros
#                       ^ meta.substitution.routeros punctuation.section.brackets.begin.routeros
#                         ^^^^ meta.substitution.routeros meta.command.routeros entity.name.function.command.routeros
#                              ^^^^^^^^^^^^ meta.substitution.routeros entity.other.attribute-name.routeros
#                                                  ^ punctuation.section.brackets.end.routeros
#                                                    ^^^^^^^ meta.command.routeros entity.other.attribute-name.routeros
/ip address add address=1.2.3.4/24; /ip route print
#                                 ^ punctuation.terminator.statement.routeros
#                                   ^ meta.command.routeros punctuation.separator.path.routeros
#                                    ^^ entity.name.namespace.menu.routeros
#                                             ^^^^^ entity.name.function.command.routeros
/put "x"
#^^^ entity.name.function.command.routeros
# A command followed by a word that is also a command name elsewhere stays the command.
/system clock get time
#             ^^^ entity.name.function.command.routeros
#                 ^^^^ string.unquoted.routeros - entity.name.function.command.routeros
/user get admin password
#     ^^^ entity.name.function.command.routeros
#               ^^^^^^^^ string.unquoted.routeros - entity.name.function.command.routeros
/ip ssh set strong-crypto=yes
#   ^^^ entity.name.namespace.menu.routeros
#       ^^^ entity.name.function.command.routeros
/system package update install
#               ^^^^^^ entity.name.namespace.menu.routeros
#                      ^^^^^^^ entity.name.function.command.routeros
