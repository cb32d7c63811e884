sbatch -t garbage --wrap=true
