sbatch -x nosuch --wrap=true
