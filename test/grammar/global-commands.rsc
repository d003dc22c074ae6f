# SYNTAX TEST "source.routeros" "global commands with the : prefix, and without it at the start of a command"
# Built-ins: the colon is part of the command token.
:put
# <---- meta.command.global.routeros support.function.builtin.routeros
:delay
# <------ meta.command.global.routeros support.function.builtin.routeros
:len
# <---- meta.command.global.routeros support.function.builtin.routeros
:pick
# <----- meta.command.global.routeros support.function.builtin.routeros
:typeof
# <------- meta.command.global.routeros support.function.builtin.routeros
:toarray
# <-------- meta.command.global.routeros support.function.builtin.routeros
:tobool
# <------- meta.command.global.routeros support.function.builtin.routeros
:toid
# <----- meta.command.global.routeros support.function.builtin.routeros
:toip
# <----- meta.command.global.routeros support.function.builtin.routeros
:toip6
# <------ meta.command.global.routeros support.function.builtin.routeros
:tonum
# <------ meta.command.global.routeros support.function.builtin.routeros
:tostr
# <------ meta.command.global.routeros support.function.builtin.routeros
:totime
# <------- meta.command.global.routeros support.function.builtin.routeros
:tonsec
# <------- meta.command.global.routeros support.function.builtin.routeros
:tocrlf
# <------- meta.command.global.routeros support.function.builtin.routeros
:tolf
# <----- meta.command.global.routeros support.function.builtin.routeros
:convert
# <-------- meta.command.global.routeros support.function.builtin.routeros
:serialize
# <---------- meta.command.global.routeros support.function.builtin.routeros
:deserialize
# <------------ meta.command.global.routeros support.function.builtin.routeros
:parse
# <------ meta.command.global.routeros support.function.builtin.routeros
:execute
# <-------- meta.command.global.routeros support.function.builtin.routeros
:resolve
# <-------- meta.command.global.routeros support.function.builtin.routeros
:time
# <----- meta.command.global.routeros support.function.builtin.routeros
:timestamp
# <---------- meta.command.global.routeros support.function.builtin.routeros
:rndnum
# <------- meta.command.global.routeros support.function.builtin.routeros
:rndstr
# <------- meta.command.global.routeros support.function.builtin.routeros
:jobname
# <-------- meta.command.global.routeros support.function.builtin.routeros
:nothing
# <-------- meta.command.global.routeros support.function.builtin.routeros
:beep
# <----- meta.command.global.routeros support.function.builtin.routeros
:grep
# <----- meta.command.global.routeros support.function.builtin.routeros
:find
# <----- meta.command.global.routeros support.function.builtin.routeros
:log
# <---- meta.command.global.routeros support.function.builtin.routeros
:environment
# <------------ meta.command.global.routeros support.function.builtin.routeros
:terminal
# <--------- meta.command.global.routeros support.function.builtin.routeros
:import
# <------- meta.command.global.routeros support.function.builtin.routeros
:export
# <------- meta.command.global.routeros support.function.builtin.routeros
:password
# <--------- meta.command.global.routeros support.function.builtin.routeros
:quit
# <----- meta.command.global.routeros support.function.builtin.routeros
:undo
# <----- meta.command.global.routeros support.function.builtin.routeros
:redo
# <----- meta.command.global.routeros support.function.builtin.routeros
:lock
# <----- meta.command.global.routeros support.function.builtin.routeros
:recursive-print
# <---------------- meta.command.global.routeros support.function.builtin.routeros
:range
# <------ meta.command.global.routeros support.function.builtin.routeros
# Control flow.
:if
# <--- keyword.control.conditional.routeros
:while
# <------ keyword.control.loop.routeros
:do
# <--- keyword.control.loop.routeros
:for
# <---- keyword.control.loop.routeros
:foreach
# <-------- keyword.control.loop.routeros
:onerror
# <-------- keyword.control.exception.routeros
:retry
# <------ keyword.control.exception.routeros
:error
# <------ keyword.control.exception.routeros
:return
# <------- keyword.control.flow.routeros
:break
# <------ keyword.control.flow.routeros
:continue
# <--------- keyword.control.flow.routeros
:exit
# <----- keyword.control.flow.routeros
:local x
# <------ storage.type.variable.routeros
:global y
# <------- storage.type.variable.routeros
:set x 1
# <---- keyword.other.assignment.routeros
# <- punctuation.definition.command.routeros
# A global this grammar does not list is still a global command.
:frobnicate 1
# <----------- support.function.routeros
# Without the colon at the start of a command (community style).
if ($a) do={ put "x" }
# <-- keyword.control.conditional.routeros
#            ^^^ support.function.builtin.routeros
do { return 1 } on-error={ error "e" }
# <-- keyword.control.loop.routeros
#    ^^^^^^ keyword.control.flow.routeros
#                          ^^^^^ keyword.control.exception.routeros
#               ^^^^^^^^ entity.other.attribute-name.routeros - keyword.control.exception.routeros
while ($i < 3) do={ delay 1s }
# <----- keyword.control.loop.routeros
#                   ^^^^^ support.function.builtin.routeros
local z 3
# <----- storage.type.variable.routeros
#     ^ variable.other.declaration.routeros
foreach i in=$list do={}
# <------- keyword.control.loop.routeros
#       ^ variable.other.declaration.routeros
# Without the colon, set, find, log, import and export stay menu commands and menus.
set 0 name=x
# <--- entity.name.function.command.routeros - keyword.other.assignment.routeros
find name=x
# <---- entity.name.function.command.routeros - support.function.builtin.routeros
log info "x"
# <--- entity.name.namespace.menu.routeros
#   ^^^^ entity.name.function.command.routeros
# Inside substitutions and blocks.
:put [:len "abc"]
#     ^^^^ meta.substitution.routeros support.function.builtin.routeros
:if (true) do={:put 1}
#              ^^^^ meta.block.routeros support.function.builtin.routeros
# Globals are not recognised as such inside other words or as argument names.
:put put-x if=1
#    ^^^^^ string.unquoted.routeros - support.function.builtin.routeros
#          ^^ entity.other.attribute-name.routeros - keyword.control.conditional.routeros
