cat env.sh; sbatch --mem-per-cpu=50 -o env_mempercpu50.env env.sh
