# SYNTAX TEST "source.routeros" "arguments: name=value, script-valued arguments, switches, unset, where filters"
# Every name= is an argument name, including the script-valued ones.
:if (true) do={} else={}
#          ^^ entity.other.attribute-name.routeros
#            ^ punctuation.separator.key-value.routeros
#                ^^^^ entity.other.attribute-name.routeros
:do {} on-error={}
#      ^^^^^^^^ entity.other.attribute-name.routeros - keyword.control.exception.routeros
/iot mqtt subscribe broker=b topic=t on-message={ :put $msgData }
#                                    ^^^^^^^^^^ entity.other.attribute-name.routeros
#                   ^^^^^^ entity.other.attribute-name.routeros
#                            ^^^^^ entity.other.attribute-name.routeros
:for i from=1 to=3 step=1 do={}
#      ^^^^ entity.other.attribute-name.routeros
#             ^^ entity.other.attribute-name.routeros
#                  ^^^^ entity.other.attribute-name.routeros
:foreach x in=$a do={}
#          ^^ entity.other.attribute-name.routeros - keyword.operator.wordlike.in.routeros
/system scheduler add on-event="/system script run t" interval=1m
#                     ^^^^^^^^ entity.other.attribute-name.routeros
#                                                     ^^^^^^^^ entity.other.attribute-name.routeros
# Values: bare words are unquoted strings; literals keep their own scopes.
/ip firewall filter add chain=forward action=accept connection-state=established,related
#                             ^^^^^^^ string.unquoted.routeros
#                                            ^^^^^^ string.unquoted.routeros
#                                                                    ^^^^^^^^^^^ string.unquoted.routeros
#                                                                               ^ punctuation.separator.comma.routeros
#                                                                                ^^^^^^^ string.unquoted.routeros
/iot mqtt brokers add name=b address=broker.example.com port=1883 ssl=yes
#                                    ^^^^^^^^^^^^^^^^^^ string.unquoted.routeros
#                                                            ^^^^ constant.numeric.integer.decimal.routeros
#                                                                     ^^^ constant.language.boolean.routeros
/ip firewall filter add in-interface-list=!LAN dst-port=80,443,8000-8080
#                                         ^ keyword.operator.logical.negation.routeros
#                                          ^^^ string.unquoted.routeros
#                                                       ^^ constant.numeric.integer.decimal.routeros
#                                                              ^^^^ constant.numeric.integer.decimal.routeros
#                                                                  ^ keyword.operator.range.routeros
#                                                                   ^^^^ constant.numeric.integer.decimal.routeros
/tool fetch url="https://x/y?a=b" output=user as-value
#           ^^^ entity.other.attribute-name.routeros
#               ^^^^^^^^^^^^^^^^^ string.quoted.double.routeros
#                                             ^^^^^^^^ entity.other.attribute-name.switch.routeros
/system script run name=my-script
#                       ^^^^^^^^^ string.unquoted.routeros - entity.name.function.command.routeros
/interface set ether1 name=$newName comment=[/system identity get name]
#              ^^^^^^ string.unquoted.routeros
#                          ^^^^^^^^ variable.other.routeros
#                                           ^ meta.substitution.routeros punctuation.section.brackets.begin.routeros
/ip address set 0 comment=("Set by " . $who)
#                         ^ meta.expression.routeros punctuation.section.parens.begin.routeros
#                                    ^ keyword.operator.concatenation.routeros
/ip firewall filter set numbers=*1A,*2 disabled=no-thanks
#                               ^^^ constant.numeric.id.routeros
#                                   ^^ constant.numeric.id.routeros
#                                               ^^^^^^^^^ string.unquoted.routeros - constant.language.boolean.routeros
# A space after = is tolerated: the value is then an ordinary argument.
:for i from= 1 to= 5 do={}
#      ^^^^ entity.other.attribute-name.routeros
#            ^ constant.numeric.integer.decimal.routeros
# Switches (flags without =) of common commands.
/ip route print detail without-paging terse
#               ^^^^^^ entity.other.attribute-name.switch.routeros
#                      ^^^^^^^^^^^^^^ entity.other.attribute-name.switch.routeros
#                                     ^^^^^ entity.other.attribute-name.switch.routeros
:put [/ip address print count-only as-value]
#                       ^^^^^^^^^^ entity.other.attribute-name.switch.routeros
#                                  ^^^^^^^^ entity.other.attribute-name.switch.routeros
/system script run x use-script-permissions
#                    ^^^^^^^^^^^^^^^^^^^^^^ entity.other.attribute-name.switch.routeros
import file-name=x.rsc verbose=yes dry-run
#                      ^^^^^^^ entity.other.attribute-name.routeros - entity.other.attribute-name.switch.routeros
#                                  ^^^^^^^ entity.other.attribute-name.switch.routeros
# Unsetting a property.
/interface ethernet set 0 !port
#                         ^ keyword.operator.unset.routeros
#                          ^^^^ entity.other.attribute-name.routeros
# where filters: bare words are property names, compared values are strings.
:put [/system package find where name~"^routeros"]
#                          ^^^^^ meta.where.routeros keyword.other.where.routeros
#                                ^^^^ meta.where.routeros variable.other.property.routeros
#                                    ^ keyword.operator.match.routeros
#                                     ^^^^^^^^^^^ string.quoted.double.routeros
/interface print where running and type=ether
#                      ^^^^^^^ variable.other.property.routeros
#                              ^^^ keyword.operator.wordlike.logical.routeros
#                                  ^^^^ variable.other.property.routeros
#                                       ^^^^^ string.unquoted.routeros
/ip address print where address in 10.0.0.0/8 and disabled=no
#                               ^^ keyword.operator.wordlike.in.routeros
#                                  ^^^^^^^^^^ constant.numeric.ipv4-prefix.routeros
#                                                          ^^ constant.language.boolean.routeros
:if ([/system script job print count-only as-value where script=[:jobname]] > 1) do={}
#                                                        ^^^^^^ variable.other.property.routeros
#                                                                ^^^^^^^^ meta.where.routeros meta.substitution.routeros support.function.builtin.routeros
#                                                                           ^ meta.expression.routeros keyword.operator.comparison.routeros - meta.where.routeros
#                                                                                ^^ entity.other.attribute-name.routeros
/interface print where !disabled
#                      ^ keyword.operator.logical.routeros
#                       ^^^^^^^^ variable.other.property.routeros
# find filters without where are arguments.
/interface ethernet set [find default-name=ether1] comment=x
#                             ^^^^^^^^^^^^ entity.other.attribute-name.routeros
#                                          ^^^^^^ string.unquoted.routeros
# Grouped property names of RouterOS 7 are one argument name, dots included (RouterOS 7.24 command tree).
/interface wifi set wifi1 security.passphrase=secret
#                         ^^^^^^^^^^^^^^^^^^^ entity.other.attribute-name.routeros
