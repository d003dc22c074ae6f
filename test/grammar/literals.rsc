# SYNTAX TEST "source.routeros" "literals: numbers, addresses, times, ids, booleans"
:put (42 + 0x1F + 0xff)
#     ^^ constant.numeric.integer.decimal.routeros
#          ^^^^ constant.numeric.integer.hexadecimal.routeros
#                 ^^^^ constant.numeric.integer.hexadecimal.routeros
:put (192.168.88.1 + 10)
#     ^^^^^^^^^^^^ constant.numeric.ipv4.routeros
:put (1.1.1.1/32 in 1.0.0.0/8)
#     ^^^^^^^^^^ constant.numeric.ipv4-prefix.routeros
#                   ^^^^^^^^^ constant.numeric.ipv4-prefix.routeros
:put (2001:db8::1 + ::1 + ::ffff:10.0.0.1 + fe80::a:b:c:d)
#     ^^^^^^^^^^^ constant.numeric.ipv6.routeros
#             ^^^ constant.numeric.ipv6.routeros
#                         ^^^^^^^^^^^^^^^ constant.numeric.ipv6.routeros
#                                           ^^^^^^^^^^^^^ constant.numeric.ipv6.routeros
:put (2001:db8::/32 + 1:2:3:4:5:6:7:8)
#     ^^^^^^^^^^^^^ constant.numeric.ipv6-prefix.routeros
#                     ^^^^^^^^^^^^^^^ constant.numeric.ipv6.routeros
/interface set ether1 mac-address=AA:BB:CC:dd:ee:ff
#                                 ^^^^^^^^^^^^^^^^^ constant.numeric.mac-address.routeros
:put 00-0C-29-AA-BB-CC
#    ^^^^^^^^^^^^^^^^^ constant.numeric.mac-address.routeros
# Times: unit suffixes, clock form, weeks and days, fractions.
:delay 200ms
#      ^^^^^ constant.numeric.time.routeros
:put (1d2h3m4s + 00:01:30 + 1w2d03:04:05.5 + 0.1day1.2s + 3ms + 7w17h2m47s)
#     ^^^^^^^^ constant.numeric.time.routeros
#                ^^^^^^^^ constant.numeric.time.routeros
#                           ^^^^^^^^^^^^^^ constant.numeric.time.routeros
#                                            ^^^^^^^^^^ constant.numeric.time.routeros
#                                                         ^^^ constant.numeric.time.routeros
#                                                               ^^^^^^^^^^ constant.numeric.time.routeros
/system scheduler add interval=1m start-time=00:00:30 start-date=2024-01-31
#                              ^^ constant.numeric.time.routeros
#                                            ^^^^^^^^ constant.numeric.time.routeros
#                                                                ^^^^^^^^^^ constant.numeric.date.routeros
/system clock set date=jan/02/1970
#                      ^^^^^^^^^^^ constant.numeric.date.routeros
# Internal ids.
/ip route remove *1A
#                ^^^ constant.numeric.id.routeros
:put (2*3)
#      ^ keyword.operator.arithmetic.routeros - constant.numeric.id.routeros
#       ^ constant.numeric.integer.decimal.routeros
# Booleans.
:put (true && !false)
#     ^^^^ constant.language.boolean.routeros
#              ^^^^^ constant.language.boolean.routeros
/iot mqtt brokers set b ssl=yes auto-connect=no
#                           ^^^ constant.language.boolean.routeros
#                                            ^^ constant.language.boolean.routeros
# Digits inside names are not numbers.
:put ether1 bridge-2 wlan10
#    ^^^^^^ string.unquoted.routeros - constant.numeric.integer.decimal.routeros
#           ^^^^^^^^ string.unquoted.routeros - constant.numeric.integer.decimal.routeros
#                    ^^^^^^ string.unquoted.routeros - constant.numeric.integer.decimal.routeros
/interface set ether1 name=ether1-wan
#                          ^^^^^^^^^^ string.unquoted.routeros - constant.numeric.integer.decimal.routeros keyword.operator.range.routeros
/ip address add address=10.0.0.1/24x
#                       ^^^^^^^^^^^^ string.unquoted.routeros - constant.numeric.ipv4-prefix.routeros constant.numeric.ipv4.routeros
/system script add name=7.14.3-fix
#                       ^^^^^^^^^^ string.unquoted.routeros - constant.numeric.integer.decimal.routeros
