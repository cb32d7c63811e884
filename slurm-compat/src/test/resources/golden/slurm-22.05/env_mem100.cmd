cat env.sh; sbatch --mem=100 -o env_mem100.env env.sh
