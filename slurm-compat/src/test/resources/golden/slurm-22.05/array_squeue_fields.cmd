squeue -j 417 -o '%i|%A|%a|%F|%K|%t|%r'
