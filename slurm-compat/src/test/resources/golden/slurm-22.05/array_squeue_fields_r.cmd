squeue -j 417 -r -o '%i|%A|%a|%F|%K|%t|%r'
