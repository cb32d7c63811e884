squeue -o '%-10i|%j'
