# A regex that a backtracking engine takes hours to fail on, then a loop: the run must end at its timeout and the editor stay responsive (extension-host tests).
:local x "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"
:put ("matched: " . ($x ~ "^(a+)+\$"))
:while (true) do={ :set x ($x . "") }
