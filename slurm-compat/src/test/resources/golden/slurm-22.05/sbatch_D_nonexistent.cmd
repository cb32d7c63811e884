sbatch -D /nonexistent --wrap=true
