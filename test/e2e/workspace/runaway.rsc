# A loop that never ends: Stop Script (or running it again) must stop it (extension-host tests).
:local n 0
:put "started"
:while (true) do={ :set n ($n + 1) }
