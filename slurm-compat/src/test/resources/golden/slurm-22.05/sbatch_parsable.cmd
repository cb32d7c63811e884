sbatch --parsable --wrap='echo hello'
