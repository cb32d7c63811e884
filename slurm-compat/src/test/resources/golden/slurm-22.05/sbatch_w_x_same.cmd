sbatch -w n1 -x n1 --wrap=true
