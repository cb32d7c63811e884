squeue -o '%10i|%5j|%.3T|%C|%b|%m|%V|%S|%e|%r|%Q|%a|%q'
