sbatch -Q --wrap='echo hello'
