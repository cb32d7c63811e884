sbatch --wrap='echo hello'
